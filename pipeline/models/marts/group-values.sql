-- Group values (docs/indicators.md): the plain mean of each indicator over a group's community-years that have
-- a value, with n, for every region at every level above the community. Each community-year counts
-- in urban or rural, and a rural one also in rural_industry or rural_no_industry when has_industry
-- is known.
create or replace table group_value as
with tagged as (
  select *, urban_rural as grp from community_year where urban_rural is not null
  union all
  select *, industry_group(urban_rural, has_industry)
  from community_year where industry_group(urban_rural, has_industry) is not null
),
long as (
  unpivot tagged on {{indicators}}
  into name indicator value value
),
rolled as (
  select year, indicator, grp, province_code, city_code, county_code, township_code,
    grouping(province_code, city_code, county_code, township_code) as g,
    avg(value) as value, count(value) as n
  from long
  group by grouping sets (
    (year, indicator, grp),
    (year, indicator, grp, province_code),
    (year, indicator, grp, province_code, city_code),
    (year, indicator, grp, province_code, city_code, county_code),
    (year, indicator, grp, province_code, city_code, county_code, township_code)
  )
)
select
  level_of_grouping(g) as level,
  region_of_grouping(g, province_code, city_code, county_code, township_code) as region_code,
  year, indicator, grp as "group", value, n::integer as n
from rolled;
