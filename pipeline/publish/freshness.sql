-- Per dataset and county: when its newest file came in, and whether that is too long ago.
with placed as (
  select 'communities' as dataset, file_id, substr(community_code, 1, 6) as county_code from raw_communities
  union all select 'facilities', file_id, substr(community_code, 1, 6) from raw_facilities
  union all select 'staff', file_id, substr(community_code, 1, 6) from raw_staff
  union all select 'funding', file_id, substr(community_code, 1, 6) from raw_funding
  union all select 'wages', file_id, county_code from raw_wages
),
latest as (
  select p.dataset, p.county_code, max(f.loaded_at) as last_file_at
  from (select distinct dataset, file_id, county_code from placed) p
  join inbox_file f using (file_id)
  group by all
)
select l.dataset, l.county_code, c.name as county_name, strftime(l.last_file_at, '%Y-%m-%dT%H:%M:%SZ') as last_file_at,
  date_diff('day', l.last_file_at, $now::timestamp)::integer as age_days,
  date_diff('day', l.last_file_at, $now::timestamp) > $warn_days as stale
from latest l left join registry_county c on c.code = l.county_code
order by l.county_code, l.dataset
