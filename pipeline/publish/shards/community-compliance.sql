-- In-scope standards outcomes of a county's communities, with the values measured.
select standard_id, community_code, year, status, measured
from compliance_community
where starts_with(community_code, $region)
order by standard_id, community_code, year
