-- Standards outcomes of a region and its direct children, every standard whether in scope or not, by shard.
select shard, standard_id, level, region_code, year, in_scope, status, value, n_pass, n_fail, n_unknown, share_pass
from (
  select region_code as shard, * from compliance_region where level <> 'township'
  union all
  select parent_shard(level, region_code), * from compliance_region where level <> 'nation'
)
where shard in (select shard from publish_shard)
order by shard, standard_id, level, region_code, year
