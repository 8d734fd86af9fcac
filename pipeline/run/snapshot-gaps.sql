-- The gaps as they stood before this run, to report what moved.
create or replace temp table gap_before as
select level, region_code, region_name, year, indicator, gap, diff
from gap
where level in ('nation', 'province', 'city', 'county') and diff is not null;
