-- Counties where fewer than half the community-years have any facilities reported.
with c as (
  select county_code, year, avg(case when facilities_reported then 1.0 else 0.0 end) as share
  from community_year group by all
)
select count(*) as failures,
  'counties with facilities reported for fewer than half their communities: '
    || coalesce(string_agg(county_code || ' ' || year, ', ' order by county_code, year), '') as message
from c where share < 0.5
