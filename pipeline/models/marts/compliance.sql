-- Region summaries of community standards: how many community-years pass, fail or are unknown per
-- standard, affected region and year, for every region whether or not the standard's scope covers it
-- (so any region can be tested against any standard); share_pass is over the known outcomes.
-- Townships and counties count their community outcomes; cities, provinces and the nation add up the
-- counts of every county under them, the new ones and those kept.
create or replace temp table compliance_county_counts as
with placed as (
  select standard_id, year, status, substr(community_code, 1, 6) as county_code,
    substr(community_code, 1, 9) as township_code
  from new_compliance_all
),
rolled as (
  select standard_id, year, county_code, township_code, grouping(township_code) as g,
    count(*) filter (where status = 'pass') as n_pass,
    count(*) filter (where status = 'fail') as n_fail,
    count(*) filter (where status = 'unknown') as n_unknown
  from placed
  group by grouping sets ((standard_id, year, county_code), (standard_id, year, county_code, township_code))
)
select standard_id, year, case g when 1 then 'county' else 'township' end as level,
  case g when 1 then county_code else township_code end as region_code, n_pass, n_fail, n_unknown
from rolled;

create or replace temp table new_compliance_region as
with counties as (
  select standard_id, year, region_code as county_code, n_pass, n_fail, n_unknown
  from compliance_county_counts where level = 'county'
  union all
  select standard_id, year, region_code, n_pass, n_fail, n_unknown
  from compliance_region
  where level = 'county' and status is null and not county_affected(region_code)
),
above as (
  select standard_id, year, substr(county_code, 1, 2) as province_code, substr(county_code, 1, 4) as city_code,
    grouping(province_code, city_code) as g,
    sum(n_pass) as n_pass, sum(n_fail) as n_fail, sum(n_unknown) as n_unknown
  from counties
  group by grouping sets ((standard_id, year), (standard_id, year, province_code), (standard_id, year, province_code, city_code))
),
coded as (
  select standard_id, year, case g when 3 then 'nation' when 1 then 'province' else 'city' end as level,
    case g when 3 then 'CN' when 1 then province_code else city_code end as region_code,
    n_pass::integer as n_pass, n_fail::integer as n_fail, n_unknown::integer as n_unknown
  from above
  union all
  select standard_id, year, level, region_code, n_pass::integer, n_fail::integer, n_unknown::integer
  from compliance_county_counts
)
select c.standard_id, c.level, c.region_code, c.year,
  s.scope = 'CN' or starts_with(c.region_code, s.scope) as in_scope,
  null::varchar as status, null::double as value,
  c.n_pass, c.n_fail, c.n_unknown,
  case when c.n_pass + c.n_fail > 0 then c.n_pass / (c.n_pass + c.n_fail) end as share_pass
from coded c join standard_def s on s.id = c.standard_id
where region_affected(c.level, c.region_code)
union all
select standard_id, level, region_code, year, in_scope, status, value, null, null, null, null
from compliance_region_rule;

-- Community outcomes are kept where the standard's scope covers the community.
create or replace temp table new_compliance_community as
select standard_id, community_code, year, status, measured
from new_compliance_all
where in_scope;
