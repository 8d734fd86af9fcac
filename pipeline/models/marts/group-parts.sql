-- The additive parts of group values per county (sum and count of each indicator's values per group),
-- from which cities, provinces and the nation are rolled up without their communities' rows. Each
-- community-year counts in urban or rural, and a rural one also in rural_industry or rural_no_industry
-- when has_industry is known. Also the township values, which come straight from community-years.
create or replace temp table group_long as
with tagged as (
  select *, urban_rural as grp from community_year where urban_rural is not null and county_affected(community_code)
  union all
  select *, industry_group(urban_rural, has_industry)
  from community_year where industry_group(urban_rural, has_industry) is not null and county_affected(community_code)
)
-- unpivot leaves out null values: a group's n counts the community-years with a value.
unpivot tagged on {{indicators}}
into name indicator value value;

create or replace temp table new_group_part as
select county_code, year, indicator, grp, sum(value) as s, count(value) as n
from group_long
group by all;

create or replace temp table new_township_value as
select 'township' as level, township_code as region_code, year, indicator, grp as "group", avg(value) as value,
  count(value)::integer as n
from group_long
group by all;
