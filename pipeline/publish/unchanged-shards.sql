-- Regions whose shards' fingerprint is the same as at the last publication.
select n.code
from shard_fingerprint_new n join shard_fingerprint o using (code)
where n.fingerprint = o.fingerprint;
