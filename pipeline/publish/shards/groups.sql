-- Group values of a region and its direct children.
select level, region_code, year, indicator, "group", value, n
from group_value
where (level = $level and region_code = $region)
   or (level = $child and starts_with(region_code, $prefix))
order by level, region_code, indicator, "group", year
