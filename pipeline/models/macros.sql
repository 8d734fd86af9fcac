-- Macros shared by the models and shards.

-- The group rule (contract/indicators.ts groupsOf): a community-year counts in urban or rural, and a
-- rural one also in its industry group when has_industry is known. This is the industry group, or null.
create or replace temp macro industry_group(urban_rural, has_industry) as
  case when urban_rural = 'rural' and has_industry then 'rural_industry'
       when urban_rural = 'rural' and not has_industry then 'rural_no_industry' end;

-- Rolling community values up the region levels with GROUPING SETS over (province_code, city_code,
-- county_code, township_code): the level and the region code of a grouping.
create or replace temp macro level_of_grouping(g) as
  case g when 15 then 'nation' when 7 then 'province' when 3 then 'city' when 1 then 'county' else 'township' end;

create or replace temp macro region_of_grouping(g, province, city, county, township) as
  case g when 15 then 'CN' when 7 then province when 3 then city when 1 then county else township end;
