-- gaps.csv / gaps.parquet: exactly the documented columns (docs/data-layout.md).
select level, region_code, region_name, year, indicator, gap, value_a, value_b, n_a, n_b, diff, ratio, suppressed
from gap
order by case level when 'nation' then 0 when 'province' then 1 when 'city' then 2 when 'county' then 3 else 4 end,
  region_code, year, indicator, gap
