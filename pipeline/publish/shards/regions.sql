-- Every region that has data, nation to township, for navigation and breadcrumbs, with how many
-- communities it has data for in any published year (the base of the quality page's reporting shares).
with present as (
  select distinct province_code, city_code, county_code, township_code, community_code from community_year
),
counted as (
  select 'nation' as level, 'CN' as code, count(*) as communities from present
  union all
  select 'province', province_code, count(*) from present group by province_code
  union all
  select 'city', city_code, count(*) from present group by city_code
  union all
  select 'county', county_code, count(*) from present group by county_code
  union all
  select 'township', township_code, count(*) from present group by township_code
),
regions as (
  select 'nation' as level, 'CN' as code, '全国' as name, null::varchar as parent
  union all
  select r.level, r.code, r.name, r.parent_code
  from region r
  where (r.level = 'province' and r.code in (select province_code from present))
     or (r.level = 'city' and r.code in (select city_code from present))
     or (r.level = 'county' and r.code in (select county_code from present))
     or (r.level = 'township' and r.code in (select township_code from present))
)
select r.level, r.code, r.name, r.parent, c.communities::integer as communities
from regions r
join counted c on c.level = r.level and c.code = r.code
order by case r.level when 'nation' then 0 when 'province' then 1 when 'city' then 2 when 'county' then 3 else 4 end, r.code
