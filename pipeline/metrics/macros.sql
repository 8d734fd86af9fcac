-- Macros shared by the models that roll community values up the region levels with
-- GROUPING SETS over (province_code, city_code, county_code, township_code).
create or replace temp macro level_of_grouping(g) as
  case g when 15 then 'nation' when 7 then 'province' when 3 then 'city' when 1 then 'county' else 'township' end;

create or replace temp macro region_of_grouping(g, province, city, county, township) as
  case g when 15 then 'CN' when 7 then province when 3 then city when 1 then county else township end;
