-- Group values of a region and its direct children, by shard: each row in its own region's shard
-- (nation to county) and in its parent's, so a shard holds a region and its direct children. Ordered
-- by shard for one streaming pass. Readers derive the gaps from these rows.
select shard, level, region_code, year, indicator, "group", value, n
from (
  select region_code as shard, * from group_value where level <> 'township'
  union all
  select parent_shard(level, region_code), * from group_value where level <> 'nation'
)
where shard in (select shard from publish_shard)
order by shard, level, region_code, indicator, "group", year
