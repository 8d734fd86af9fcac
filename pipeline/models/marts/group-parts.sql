-- The additive parts of group values per county (sum and count of each indicator's values per group),
-- from which cities, provinces and the nation are rolled up without their communities' rows. Each
-- community-year counts in urban or rural, and a rural one also in rural_industry or rural_no_industry
-- when has_industry is known. Also the township values, which come straight from community-years.
--
-- Aggregated wide, one column per indicator, and only then turned long: unpivoting the community-years
-- first made a table of every community-year × group × indicator (150 M rows at 5 national years) that
-- both aggregates then sorted through. A group's n counts the community-years with a value.
create or replace temp view group_tagged as
select county_code, township_code, year, urban_rural as grp, {{indicators}}
from community_year where urban_rural is not null and county_affected(community_code)
union all
select county_code, township_code, year, industry_group(urban_rural, has_industry), {{indicators}}
from community_year where industry_group(urban_rural, has_industry) is not null and county_affected(community_code);

create or replace temp table new_group_part as
with parts as (
  select county_code, year, grp,
    {
      's': sum(columns(* exclude (county_code, township_code, year, grp))::double),
      'n': count(columns(* exclude (county_code, township_code, year, grp)))
    }
  from group_tagged
  group by county_code, year, grp
)
select county_code, year, indicator, grp, p.s as s, p.n as n
from (unpivot parts on columns(* exclude (county_code, year, grp)) into name indicator value p)
where p.n > 0;

create or replace temp table new_township_value as
with values_by_township as (
  select township_code, year, grp,
    {
      'v': avg(columns(* exclude (county_code, township_code, year, grp))::double),
      'n': count(columns(* exclude (county_code, township_code, year, grp)))
    }
  from group_tagged
  group by township_code, year, grp
)
select 'township' as level, township_code as region_code, year, indicator, grp as "group", p.v as value,
  p.n::integer as n
from (unpivot values_by_township on columns(* exclude (township_code, year, grp)) into name indicator value p)
where p.n > 0;

drop view group_tagged;
