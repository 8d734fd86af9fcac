-- Funding by source and category per community group within each region (nation to county), by shard.
with f as (
  select f.year, y.urban_rural,
    case when y.urban_rural = 'rural' and y.has_industry then 'rural_industry'
         when y.urban_rural = 'rural' and not y.has_industry then 'rural_no_industry' end as industry_group,
    f.source, f.category, f.amount, f.community_code, y.province_code, y.city_code, y.county_code
  from stg_funding f join community_year y using (community_code, year)
),
rolled as (
  select year, urban_rural, industry_group, source, category, province_code, city_code, county_code,
    grouping(province_code, city_code, county_code) as g,
    sum(amount) as amount, count(distinct community_code)::integer as communities
  from f
  group by grouping sets (
    (year, urban_rural, industry_group, source, category),
    (year, urban_rural, industry_group, source, category, province_code),
    (year, urban_rural, industry_group, source, category, province_code, city_code),
    (year, urban_rural, industry_group, source, category, province_code, city_code, county_code)
  )
)
select case g when 7 then 'CN' when 3 then province_code when 1 then city_code else county_code end as shard,
  year, urban_rural, industry_group, source, category, amount, communities
from rolled
order by shard, year, urban_rural, industry_group, source, category
