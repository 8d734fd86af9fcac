-- The lake's gaps: the columns of gaps.csv (SPEC §6), partitioned by the province a region lies in;
-- the nation's rows sit under province_code=CN.
select level, region_code, region_name, year, indicator, gap, value_a, value_b, n_a, n_b, diff, ratio, suppressed,
  case when level = 'nation' then 'CN' else substr(region_code, 1, 2) end as province_code
from gap
order by province_code, year, level, region_code, indicator, gap
