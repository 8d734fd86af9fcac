-- A fingerprint of what each region's shards are made of: the community-year rows and the funding
-- rows of its communities (every model a shard shows is computed from these, within the region).
-- An order-free sum of row hashes with the row count, per county and rolled up to city, province
-- and nation; a region whose fingerprint is unchanged since the last publication has unchanged shards.
create or replace temp table shard_fingerprint_new as
with parts as (
  select county_code, hash(y) as h from community_year y
  union all
  select y.county_code, hash(f) from stg_funding f join community_year y using (community_code, year)
),
rolled as (
  select substr(county_code, 1, 2) as p, substr(county_code, 1, 4) as c, county_code as k,
    sum(h::hugeint) as total, count(*) as n
  from parts
  group by grouping sets ((), (p), (p, c), (p, c, k))
)
select coalesce(k, c, p, 'CN') as code, total::varchar || ':' || n::varchar as fingerprint
from rolled
order by code;
