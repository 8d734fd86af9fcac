-- Every region that has data, nation to township, for navigation and breadcrumbs.
with present as (
  select distinct province_code, city_code, county_code, township_code from community_year
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
select * from regions
order by case level when 'nation' then 0 when 'province' then 1 when 'city' then 2 when 'county' then 3 else 4 end, code
