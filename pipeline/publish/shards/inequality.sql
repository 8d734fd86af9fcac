-- Inequality and dispersion of a region and its direct children, one row per region, year, indicator.
select d.level, d.region_code, d.year, d.indicator, d.n, d.mean, d.sd, d.cv,
  i.theil, i.theil_between, i.theil_within, i.between_share, i.gini
from dispersion d
left join inequality i using (level, region_code, year, indicator)
where (d.level = $level and d.region_code = $region)
   or (d.level = $child and starts_with(d.region_code, $prefix))
order by d.level, d.region_code, d.indicator, d.year
