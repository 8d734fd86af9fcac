-- group_values.csv: exactly the documented columns (docs/data-layout.md).
select level, region_code, year, indicator, "group", value, n
from group_value
order by case level when 'nation' then 0 when 'province' then 1 when 'city' then 2 when 'county' then 3 else 4 end,
  region_code, year, indicator, "group"
