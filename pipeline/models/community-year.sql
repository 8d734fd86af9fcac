-- Community-year indicators (docs/indicators.md), one row per kept communities row of the affected
-- counties (affected.sql). Unknown is not zero:
-- facility values need a reported community-year, funding values a funding row, staff values a
-- roster row for the community in any year. Division by zero gives null.
create or replace temp table new_community_year as
with base as (
  select c.community_code, c.year, coalesce(r.name, c.name) as name, c.urban_rural, c.has_industry,
    c.industry_type, c.households, c.population, c.area_km2, c.grids, c.satisfaction,
    substr(c.community_code, 1, 2) as province_code, substr(c.community_code, 1, 4) as city_code,
    substr(c.community_code, 1, 6) as county_code, substr(c.community_code, 1, 9) as township_code,
    r.code is null as outside_registry
  from stg_communities c
  left join registry_community r on r.code = c.community_code
  where county_affected(c.community_code)
),
facility as (
  select community_code, year,
    max(case when facility_type = 'service_center' and present then 1 else 0 end) as cov_service_center,
    max(case when facility_type = 'elder_daycare' and present then 1 else 0 end) as cov_elder_daycare,
    max(case when facility_type = 'elder_home' and present then 1 else 0 end) as cov_elder_home,
    max(case when facility_type = 'health_room' and present then 1 else 0 end) as cov_health_room,
    max(case when facility_type = 'culture_room' and present then 1 else 0 end) as cov_culture_room,
    max(case when facility_type = 'library' and present then 1 else 0 end) as cov_library,
    max(case when facility_type = 'fitness' and present then 1 else 0 end) as cov_fitness,
    max(case when facility_type = 'smart_platform' and present then 1 else 0 end) as cov_smart_platform,
    max(case when facility_type = 'service_center' and present then floor_area_m2 end) as service_center_area_m2
  from stg_facilities
  where county_affected(community_code)
  group by community_code, year
),
money as (
  select community_code, year,
    sum(amount) as funding_total,
    sum(case when category = 'work' then amount else 0 end) as work_funds,
    sum(case when category = 'service' then amount else 0 end) as service_funds,
    sum(case when source in ('collective', 'donation', 'linked_units') then amount else 0 end) as self_raised
  from stg_funding
  where county_affected(community_code)
  group by community_code, year
),
rostered as (
  select distinct community_code from stg_staff where county_affected(community_code)
),
posting as (
  -- One row per community-year and roster row whose posting touches the year, with where it stood on
  -- 1 Jan and 31 Dec. Each posting is joined only to the years it touches, on (community, year): a
  -- join on the community alone paired every posting of every year's roster with every year before
  -- filtering, so it grew with the square of the years (the national 5-year models took 5× the 2-year ones).
  select b.community_code, b.year, s.monthly_wage, s.social_insurance,
    s.hired_on <= make_date(b.year, 1, 1) and (s.left_on is null or s.left_on > make_date(b.year, 1, 1)) as in_post_start,
    s.hired_on <= make_date(b.year, 12, 31) and (s.left_on is null or s.left_on > make_date(b.year, 12, 31)) as in_post_end,
    s.left_on is not null and year(s.left_on) = b.year as separated
  from (
    select s.*, unnest(generate_series(
      greatest(year(s.hired_on), y.first_year),
      least(coalesce(year(s.left_on), y.last_year), y.last_year)
    )) as year
    from stg_staff s, (select min(year) as first_year, max(year) as last_year from base) y
    where county_affected(s.community_code)
  ) s
  join base b on b.community_code = s.community_code and b.year = s.year
),
staffing as (
  select community_code, year,
    count(*) filter (where in_post_start) as headcount_start,
    count(*) filter (where in_post_end) as headcount_end,
    count(*) filter (where separated) as separations,
    count(monthly_wage) filter (where in_post_end) as wages_known,
    median(monthly_wage) filter (where in_post_end) as median_wage_all,
    count(social_insurance) filter (where in_post_end) as insurance_known,
    avg(case when social_insurance then 1.0 else 0.0 end) filter (where in_post_end and social_insurance is not null) as insured_share_all
  from posting
  group by community_code, year
)
select b.*,
  case when f.community_code is not null then true else false end as facilities_reported,
  f.cov_service_center, f.cov_elder_daycare, f.cov_elder_home, f.cov_health_room, f.cov_culture_room,
  f.cov_library, f.cov_fitness, f.cov_smart_platform,
  -- 0 m² where the year was reported without a service centre, so area standards fail rather than pass.
  case when f.community_code is null then null else coalesce(f.service_center_area_m2, 0) end as service_center_area_m2,
  case when b.households > 0 then f.service_center_area_m2 / b.households * 100 end as service_area_per_100hh,
  case
    when f.community_code is null then null
    when f.service_center_area_m2 is not null
      and f.service_center_area_m2 >= greatest(400, 20 * b.households / 100) then 1
    else 0
  end as service_center_ok,
  m.funding_total,
  case when b.households > 0 then m.funding_total / b.households end as funding_per_household,
  m.work_funds,
  m.service_funds,
  case when m.funding_total > 0 then m.self_raised / m.funding_total end as self_raised_share,
  case when ro.community_code is not null then coalesce(st.headcount_end, 0)::integer end as headcount_end,
  case when ro.community_code is not null and b.households > 0
    then coalesce(st.headcount_end, 0) / b.households * 1000 end as staff_per_1000hh,
  case when ro.community_code is not null then coalesce(st.separations, 0)::integer end as separations,
  case when coalesce(st.headcount_start, 0) + coalesce(st.headcount_end, 0) > 0
    then st.separations / ((st.headcount_start + st.headcount_end) / 2) end as turnover_rate,
  -- Privacy: wage and insurance figures need at least 3 workers with a known value.
  case when st.wages_known >= 3 then st.median_wage_all end as median_wage,
  case when st.wages_known >= 3 and w.avg_annual_wage > 0
    then st.median_wage_all * 12 / w.avg_annual_wage end as wage_ratio,
  case when st.insurance_known >= 3 then st.insured_share_all end as insured_share,
  case when b.grids > 0 then b.households / b.grids end as households_per_grid
from base b
left join facility f using (community_code, year)
left join money m using (community_code, year)
left join rostered ro using (community_code)
left join staffing st using (community_code, year)
left join stg_wages w on w.county_code = b.county_code and w.year = b.year - 1;
