-- The counties whose community-years this models pass recomputes: every county with communities rows
-- ($all, a full pass), or the counties whose input files changed ($counties). Every model is derived
-- from community-years, which depend only on rows of their own county (and its reference wages), so a
-- pass recomputes those counties' rows and the groups above them, and keeps the rest.
create or replace temp table affected_county as
select distinct substr(community_code, 1, 6) as county_code from stg_communities where $all
union
select unnest($counties::varchar[]);

-- Whether a region's model rows are recomputed in this pass: its county is affected (townships and
-- counties), or it holds an affected county (cities, provinces, the nation).
create or replace temp macro region_affected(level, code) as
  case level
    when 'nation' then exists (select 1 from affected_county)
    when 'province' then code in (select substr(county_code, 1, 2) from affected_county)
    when 'city' then code in (select substr(county_code, 1, 4) from affected_county)
    else substr(code, 1, 6) in (select county_code from affected_county)
  end;

create or replace temp macro county_affected(code) as substr(code, 1, 6) in (select county_code from affected_county);
