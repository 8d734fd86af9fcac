-- Names and codes of each province's townships and communities that have data, one shard per province.
select shard, level, code, name, parent from (
  select distinct province_code as shard, 'community' as level, community_code as code, name, township_code as parent
  from community_year
  union all
  select distinct substr(t.code, 1, 2), 'township', t.code, t.name, t.county_code
  from registry_township t
  where t.code in (select township_code from community_year)
)
where shard in (select shard from publish_shard)
order by shard, level, code
