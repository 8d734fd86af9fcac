-- In-scope standards outcomes of a county's communities, with the values measured, one shard per county.
select substr(community_code, 1, 6) as shard, standard_id, community_code, year, status, measured
from compliance_community
where substr(community_code, 1, 6) in (select shard from publish_shard)
order by shard, standard_id, community_code, year
