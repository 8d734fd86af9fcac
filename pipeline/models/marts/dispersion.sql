-- σ-convergence: the coefficient of variation (population sd / mean) of community values per region,
-- year and indicator; a falling CV over the years means communities are converging.
create or replace table dispersion as
with long as (
  unpivot community_year on {{continuous}}
  into name indicator value value
),
rolled as (
  select year, indicator, province_code, city_code, county_code, township_code,
    grouping(province_code, city_code, county_code, township_code) as g,
    count(value) as n, avg(value) as mean, stddev_pop(value) as sd
  from long
  group by grouping sets (
    (year, indicator),
    (year, indicator, province_code),
    (year, indicator, province_code, city_code),
    (year, indicator, province_code, city_code, county_code),
    (year, indicator, province_code, city_code, county_code, township_code)
  )
)
select
  level_of_grouping(g) as level,
  region_of_grouping(g, province_code, city_code, county_code, township_code) as region_code,
  year, indicator, n::integer as n, mean, sd,
  case when mean <> 0 and n >= $min_n then sd / mean end as cv
from rolled;
