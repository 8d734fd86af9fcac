-- Gaps, each row in its own region's shard (nation to county) and in its parent's shard, so a shard
-- holds a region and its direct children. Ordered by shard for one streaming pass.
select shard, level, region_code, region_name, year, indicator, gap, value_a, value_b, n_a, n_b, diff, ratio,
  suppressed, diff_change_prev, diff_change_first
from (
  select region_code as shard, * from gap where level <> 'township'
  union all
  select parent_shard(level, region_code), * from gap where level <> 'nation'
)
where shard in (select shard from publish_shard)
order by shard, level, region_code, indicator, gap, year
