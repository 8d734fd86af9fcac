-- The fingerprints of the version being published, for the next run to compare with.
delete from shard_fingerprint;
insert into shard_fingerprint select code, fingerprint from shard_fingerprint_new;
