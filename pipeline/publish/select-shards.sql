-- The shards to build in this pass (the shard queries keep only these).
create or replace temp table publish_shard as
select unnest($shards::varchar[]) as shard;
