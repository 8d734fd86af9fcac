-- Community level: each community's values beside the median of its group in its county and the
-- median of its township, so a profile can say "below the rural median of its county".
--
-- Only the medians are stored (per county, year, indicator and group, and per township, year and
-- indicator); community_profile is a view joining them to the community values. Stored whole, with
-- the medians as window functions, it was one row per community, year and indicator (59 M rows at 5
-- national years, sorted twice for its two windows): the largest model, and no published file reads it.
create or replace view community_indicator as
with long as (
  unpivot (
    select community_code, year, county_code, township_code, urban_rural, has_industry,
      cov_service_center, cov_elder_daycare, cov_elder_home, cov_health_room, cov_culture_room,
      cov_library, cov_fitness, cov_smart_platform, service_area_per_100hh, service_center_ok,
      funding_per_household, work_funds, self_raised_share, staff_per_1000hh, turnover_rate,
      median_wage, wage_ratio, insured_share, satisfaction
    from community_year
  ) on
    cov_service_center, cov_elder_daycare, cov_elder_home, cov_health_room, cov_culture_room,
    cov_library, cov_fitness, cov_smart_platform, service_area_per_100hh, service_center_ok,
    funding_per_household, work_funds, self_raised_share, staff_per_1000hh, turnover_rate,
    median_wage, wage_ratio, insured_share, satisfaction
  into name indicator value value
)
select community_code, year, county_code, township_code, indicator, value,
  case
    when urban_rural = 'rural' and has_industry then 'rural_industry'
    when urban_rural = 'rural' and not has_industry then 'rural_no_industry'
    else urban_rural
  end as grp
from long;

create or replace table county_group_median as
select county_code, year, indicator, grp, median(value) as group_median, count(*)::integer as group_n
from community_indicator
group by all;

create or replace table township_median as
select township_code, year, indicator, median(value) as township_median, count(*)::integer as township_n
from community_indicator
group by all;

-- A community whose urban/rural class is unknown is compared with the county's other unknowns.
create or replace view community_profile as
select i.community_code, i.year, i.indicator, i.value, i.grp as "group", g.group_median, g.group_n,
  t.township_median, t.township_n
from community_indicator i
join county_group_median g on g.county_code = i.county_code and g.year = i.year and g.indicator = i.indicator
  and g.grp is not distinct from i.grp
join township_median t on t.township_code = i.township_code and t.year = i.year and t.indicator = i.indicator;
