-- The NBS 2023 division registry, read with DuckDB's CSV reader. Codes stay text (leading digits matter).
create or replace table registry_province as
select code, name from read_csv($provinces, header = true, all_varchar = true);

create or replace table registry_city as
select code, name, provinceCode as province_code
from read_csv($cities, header = true, all_varchar = true);

create or replace table registry_county as
select code, name, cityCode as city_code, provinceCode as province_code
from read_csv($counties, header = true, all_varchar = true);

-- Digits 7-9 give the township kind (docs/indicators.md).
create or replace table registry_township as
select code, name, areaCode as county_code, cityCode as city_code, provinceCode as province_code,
  case
    when k between 1 and 99 then 'subdistrict'
    when k between 100 and 199 then 'town'
    when k between 200 and 399 then 'township'
    when k between 400 and 599 then 'township_like'
  end as township_kind
from (
  select *, cast(substr(code, 7, 3) as integer) as k
  from read_csv($townships, header = true, all_varchar = true)
);

-- The last three digits give the unit kind and so urban or rural (docs/indicators.md).
create or replace table registry_community as
select code, name, streetCode as township_code, areaCode as county_code, cityCode as city_code,
  provinceCode as province_code,
  case
    when s between 1 and 199 or s between 400 and 499 then 'urban'
    when s between 200 and 399 or s between 500 and 599 then 'rural'
  end as urban_rural,
  case
    when s between 1 and 199 then '居委会'
    when s between 200 and 399 then '村委会'
    when s between 400 and 499 then '类似居委会'
    when s between 500 and 599 then '类似村委会'
  end as unit_kind
from (
  select *, cast(substr(code, 10, 3) as integer) as s
  from read_csv($communities, header = true, all_varchar = true)
);

-- Every region at every level, for names, breadcrumbs and search.
create or replace table region as
select 'nation' as level, 'CN' as code, '全国' as name, null as parent_code
union all select 'province', code, name, 'CN' from registry_province
union all select 'city', code, name, province_code from registry_city
union all select 'county', code, name, city_code from registry_county
union all select 'township', code, name, county_code from registry_township
union all select 'community', code, name, township_code from registry_community;

insert or replace into meta values ('registry_version', $version);
