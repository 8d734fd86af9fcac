-- Funding by source and category per community group within each region, by shard: the nation,
-- provinces, cities and counties in their own shard; townships in their county's shard (region_code
-- tells them apart), since townships have no shard of their own.
with f as (
  select f.year, y.urban_rural,
    industry_group(y.urban_rural, y.has_industry) as industry_group,
    f.source, f.category, f.amount, f.community_code,
    y.province_code, y.city_code, y.county_code, y.township_code
  from stg_funding f join community_year y using (community_code, year)
),
rolled as (
  select year, urban_rural, industry_group, source, category, province_code, city_code, county_code,
    township_code, grouping(province_code, city_code, county_code, township_code) as g,
    sum(amount) as amount, count(distinct community_code)::integer as communities
  from f
  group by grouping sets (
    (year, urban_rural, industry_group, source, category),
    (year, urban_rural, industry_group, source, category, province_code),
    (year, urban_rural, industry_group, source, category, province_code, city_code),
    (year, urban_rural, industry_group, source, category, province_code, city_code, county_code),
    (year, urban_rural, industry_group, source, category, province_code, city_code, county_code, township_code)
  )
)
select case g when 15 then 'CN' when 7 then province_code when 3 then city_code else county_code end as shard,
  case g when 15 then 'CN' when 7 then province_code when 3 then city_code when 1 then county_code
    else township_code end as region_code,
  year, urban_rural, industry_group, source, category, amount, communities
from rolled
where shard in (select shard from publish_shard)
order by shard, region_code, year, urban_rural, industry_group, source, category
