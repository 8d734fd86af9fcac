-- Group values of a region and its direct children, by shard (see gaps.sql).
select shard, level, region_code, year, indicator, "group", value, n
from (
  select region_code as shard, * from group_value where level <> 'township'
  union all
  select parent_shard(level, region_code), * from group_value where level <> 'nation'
)
where shard in (select shard from publish_shard)
order by shard, level, region_code, indicator, "group", year
