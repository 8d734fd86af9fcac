-- The lake's community-year indicators: exactly the columns of the published communities shards,
-- with the codes of every level, so an engine can filter by region without the region tree. No
-- roster cell reaches this table: community_year holds community-year figures only, wage and
-- insurance figures over fewer than 3 workers already withheld as null.
select community_code, name, urban_rural, has_industry, industry_type, province_code, city_code, county_code,
  township_code, households, population, grids, outside_registry, facilities_reported,
  cov_service_center, cov_elder_daycare, cov_elder_home, cov_health_room, cov_culture_room, cov_library,
  cov_fitness, cov_smart_platform, service_center_area_m2, service_area_per_100hh, service_center_ok,
  funding_total, funding_per_household, work_funds, service_funds, self_raised_share, headcount_end,
  staff_per_1000hh, separations, turnover_rate, median_wage, wage_ratio, insured_share, satisfaction,
  households_per_grid, year
from community_year
order by province_code, year, community_code
