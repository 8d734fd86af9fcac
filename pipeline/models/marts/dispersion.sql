-- σ-convergence: the coefficient of variation (population sd / mean) of community values per affected
-- region, year and indicator; a falling CV over the years means communities are converging. A standard
-- deviation needs its members' values, so each level takes the community-years under its affected
-- regions only (the nation: all of them).
create or replace temp table new_dispersion as
with long as (
  unpivot community_year on {{continuous}}
  into name indicator value value
),
placed as (
  select 'nation' as level, 'CN' as region_code, year, indicator, value from long
  where region_affected('nation', 'CN')
  union all select 'province', province_code, year, indicator, value from long
  where region_affected('province', province_code)
  union all select 'city', city_code, year, indicator, value from long
  where region_affected('city', city_code)
  union all select 'county', county_code, year, indicator, value from long
  where region_affected('county', county_code)
  union all select 'township', township_code, year, indicator, value from long
  where region_affected('county', county_code)
),
rolled as (
  select level, region_code, year, indicator, count(value) as n, avg(value) as mean, stddev_pop(value) as sd
  from placed
  group by all
)
select level, region_code, year, indicator, n::integer as n, mean, sd,
  case when mean <> 0 and n >= $min_n then sd / mean end as cv
from rolled;
