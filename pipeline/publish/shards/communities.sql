-- Every community-year of a county with its indicators, one shard per county.
select county_code as shard, community_code, year, name, urban_rural, has_industry, industry_type, township_code,
  households, population, grids, outside_registry, facilities_reported,
  cov_service_center, cov_elder_daycare, cov_elder_home, cov_health_room, cov_culture_room, cov_library,
  cov_fitness, cov_smart_platform, service_center_area_m2, service_area_per_100hh, service_center_ok,
  funding_total, funding_per_household, work_funds, service_funds, self_raised_share, headcount_end,
  staff_per_1000hh, separations, turnover_rate, median_wage, wage_ratio, insured_share, satisfaction,
  households_per_grid
from community_year
where county_code in (select shard from publish_shard)
order by shard, community_code, year
