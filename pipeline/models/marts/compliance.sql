-- Region summaries of community standards: how many community-years pass, fail or are unknown per
-- standard, region and year, for every region whether or not the standard's scope covers it (so any
-- region can be tested against any standard); share_pass is over the known outcomes.
create or replace table compliance_region as
with placed as (
  select standard_id, year, status, substr(community_code, 1, 2) as province_code,
    substr(community_code, 1, 4) as city_code, substr(community_code, 1, 6) as county_code,
    substr(community_code, 1, 9) as township_code
  from compliance_all
),
rolled as (
  select standard_id, year, province_code, city_code, county_code, township_code,
    grouping(province_code, city_code, county_code, township_code) as g,
    count(*) filter (where status = 'pass') as n_pass,
    count(*) filter (where status = 'fail') as n_fail,
    count(*) filter (where status = 'unknown') as n_unknown
  from placed
  group by grouping sets (
    (standard_id, year),
    (standard_id, year, province_code),
    (standard_id, year, province_code, city_code),
    (standard_id, year, province_code, city_code, county_code),
    (standard_id, year, province_code, city_code, county_code, township_code)
  )
),
coded as (
  select standard_id, year,
    level_of_grouping(g) as level,
    region_of_grouping(g, province_code, city_code, county_code, township_code) as region_code,
    n_pass::integer as n_pass, n_fail::integer as n_fail, n_unknown::integer as n_unknown
  from rolled
)
select c.standard_id, c.level, c.region_code, c.year,
  s.scope = 'CN' or starts_with(c.region_code, s.scope) as in_scope,
  null::varchar as status, null::double as value,
  c.n_pass, c.n_fail, c.n_unknown,
  case when c.n_pass + c.n_fail > 0 then c.n_pass / (c.n_pass + c.n_fail) end as share_pass
from coded c join standard_def s on s.id = c.standard_id
union all
select standard_id, level, region_code, year, in_scope, status, value, null, null, null, null
from compliance_region_rule;

-- Community outcomes are kept where the standard's scope covers the community.
create or replace table compliance_community as
select standard_id, community_code, year, status, measured
from compliance_all
where in_scope;
