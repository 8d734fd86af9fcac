-- A county whose service-centre coverage of a group fell from 100% to 0% in one year.
with g as (
  select region_code, "group", year, value from group_value
  where level = 'county' and indicator = 'cov_service_center' and "group" in ('urban', 'rural')
),
falls as (
  select a.region_code, a."group", b.year
  from g a join g b on b.region_code = a.region_code and b."group" = a."group" and b.year = a.year + 1
  where a.value = 1 and b.value = 0
)
select count(*) as failures,
  'service-centre coverage fell from 100% to 0% in a year: '
    || coalesce(string_agg(region_code || ' ' || "group" || ' ' || year, ', ' order by region_code, year), '') as message
from falls
