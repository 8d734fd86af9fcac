-- Standards outcomes of a region and its direct children, every standard whether in scope or not.
select standard_id, level, region_code, year, in_scope, status, value, n_pass, n_fail, n_unknown, share_pass
from compliance_region
where (level = $level and region_code = $region)
   or (level = $child and starts_with(region_code, $prefix))
order by standard_id, level, region_code, year
