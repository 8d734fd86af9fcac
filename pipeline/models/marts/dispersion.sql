-- σ-convergence: the coefficient of variation (population sd / mean) of community values per affected
-- region, year and indicator; a falling CV over the years means communities are converging. A standard
-- deviation needs its members' values, so the levels are rolled up from the community-years (the
-- nation: all of them) and only the affected regions' rows are kept.
--
-- Aggregated wide, one column per indicator, over grouping sets, and only then turned long: unpivoting
-- first and repeating the long rows once per level gave the aggregate five copies of community-years ×
-- indicators to go through (260 s at 5 national years).
create or replace temp table new_dispersion as
with wide as (
  select year, province_code, city_code, county_code, township_code, {{continuous}} from community_year
),
rolled as (
  select year, province_code, city_code, county_code, township_code,
    grouping(province_code, city_code, county_code, township_code) as g,
    {
      'n': count(columns(* exclude (year, province_code, city_code, county_code, township_code))),
      'mean': avg(columns(* exclude (year, province_code, city_code, county_code, township_code))::double),
      'sd': stddev_pop(columns(* exclude (year, province_code, city_code, county_code, township_code))::double)
    }
  from wide
  group by grouping sets (
    (year),
    (year, province_code),
    (year, province_code, city_code),
    (year, province_code, city_code, county_code),
    (year, province_code, city_code, county_code, township_code)
  )
),
coded as (
  select case g when 15 then 'nation' when 7 then 'province' when 3 then 'city' when 1 then 'county' else 'township' end
      as level,
    case g when 15 then 'CN' when 7 then province_code when 3 then city_code when 1 then county_code else township_code end
      as region_code,
    * exclude (province_code, city_code, county_code, township_code, g)
  from rolled
),
long as (
  select level, region_code, year, indicator, s.n, s.mean, s.sd
  from (unpivot coded on columns(* exclude (level, region_code, year)) into name indicator value s)
  where s.n > 0 and region_affected(level, region_code)
)
select level, region_code, year, indicator, n::integer as n, mean, sd,
  case when mean <> 0 and n >= $min_n then sd / mean end as cv
from long;
