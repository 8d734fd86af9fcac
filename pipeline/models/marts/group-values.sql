-- Group values (docs/indicators.md): the plain mean of each indicator over a group's community-years that
-- have a value, with n, for the affected regions at every level above the community: townships from
-- their community-years, counties from their parts, and cities, provinces and the nation by adding up
-- the parts of every county under them (group-parts.sql).
create or replace temp table new_group_value as
with rolled as (
  select year, indicator, grp, substr(county_code, 1, 2) as province_code, substr(county_code, 1, 4) as city_code,
    county_code, grouping(province_code, city_code, county_code) as g,
    sum(s) / sum(n) as value, sum(n) as n
  from group_part
  group by grouping sets (
    (year, indicator, grp),
    (year, indicator, grp, province_code),
    (year, indicator, grp, province_code, city_code),
    (year, indicator, grp, province_code, city_code, county_code)
  )
),
coded as (
  select case g when 7 then 'nation' when 3 then 'province' when 1 then 'city' else 'county' end as level,
    case g when 7 then 'CN' when 3 then province_code when 1 then city_code else county_code end as region_code,
    year, indicator, grp as "group", value, n::integer as n
  from rolled
)
select * from coded where region_affected(level, region_code)
union all
select * from new_township_value;
