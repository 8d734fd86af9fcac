-- Gaps of a region and its direct children ($level is the region's level, $child the next one).
select level, region_code, region_name, year, indicator, gap, value_a, value_b, n_a, n_b, diff, ratio,
  suppressed, diff_change_prev, diff_change_first
from gap
where (level = $level and region_code = $region)
   or (level = $child and starts_with(region_code, $prefix))
order by level, region_code, indicator, gap, year
