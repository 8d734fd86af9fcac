-- The group values a region standard judges: its indicators, for its group ('' = every group).
select level, region_code, year, indicator, value
from group_value
where list_contains($indicators, indicator) and ($group = '' or "group" = $group)
  and region_affected(level, region_code)
order by level, region_code, year;
