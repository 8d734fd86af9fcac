with known as (select distinct community_code from stg_communities),
orphans as (
  select community_code from stg_facilities
  union all select community_code from stg_funding
  union all select community_code from stg_staff
)
select count(*) as failures,
  'facility, funding or roster rows of communities with no communities row: '
    || coalesce(string_agg(distinct community_code, ', ' order by community_code) filter (where true), '') as message
from orphans o
where not exists (select 1 from known k where k.community_code = o.community_code)
