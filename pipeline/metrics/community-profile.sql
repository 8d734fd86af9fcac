-- Community level: each community's values beside the median of its group in its county and the
-- median of its township, so a profile can say "below the rural median of its county".
create or replace table community_profile as
with long as (
  unpivot community_year on
    cov_service_center, cov_elder_daycare, cov_elder_home, cov_health_room, cov_culture_room,
    cov_library, cov_fitness, cov_smart_platform, service_area_per_100hh, service_center_ok,
    funding_per_household, work_funds, self_raised_share, staff_per_1000hh, turnover_rate,
    median_wage, wage_ratio, insured_share, satisfaction
  into name indicator value value
),
grouped as (
  select *,
    case
      when urban_rural = 'rural' and has_industry then 'rural_industry'
      when urban_rural = 'rural' and not has_industry then 'rural_no_industry'
      else urban_rural
    end as grp
  from long
)
select community_code, year, indicator, value, grp as "group",
  median(value) over (partition by county_code, year, indicator, grp) as group_median,
  count(*) over (partition by county_code, year, indicator, grp)::integer as group_n,
  median(value) over (partition by township_code, year, indicator) as township_median,
  count(*) over (partition by township_code, year, indicator)::integer as township_n
from grouped;
