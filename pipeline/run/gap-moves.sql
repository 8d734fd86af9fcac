-- The largest moves of unsuppressed gaps since the previous run (nation to county).
select n.level, n.region_code, n.region_name, n.year, n.indicator, n.gap, b.diff as before, n.diff as after,
  n.diff - b.diff as move
from gap n join gap_before b using (level, region_code, year, indicator, gap)
where n.diff is not null and abs(n.diff - b.diff) > 1e-12
order by abs(n.diff - b.diff) desc, n.level, n.region_code, n.indicator
limit 10
