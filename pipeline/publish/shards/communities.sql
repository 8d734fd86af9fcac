-- Every community-year of a county with its indicators, one shard per county.
select county_code as shard, community_code, year, name, urban_rural, has_industry, industry_type, township_code,
  households, population, grids, outside_registry, facilities_reported, {{indicators}}, {{measures}}
from community_year
where county_code in (select shard from publish_shard)
order by shard, community_code, year
