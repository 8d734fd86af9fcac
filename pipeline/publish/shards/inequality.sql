-- Inequality and dispersion of a region and its direct children, by shard (see groups.sql).
with rows as (
  select d.level, d.region_code, d.year, d.indicator, d.n, d.mean, d.sd, d.cv,
    i.theil, i.theil_between, i.theil_within, i.between_share, i.gini
  from dispersion d
  left join inequality i using (level, region_code, year, indicator)
)
select shard, level, region_code, year, indicator, n, mean, sd, cv, theil, theil_between, theil_within, between_share, gini
from (
  select region_code as shard, * from rows where level <> 'township'
  union all
  select parent_shard(level, region_code), * from rows where level <> 'nation'
)
where shard in (select shard from publish_shard)
order by shard, level, region_code, indicator, year
