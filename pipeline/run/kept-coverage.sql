-- Kept rows per dataset and county: what a run may not lose without being told to (the removal guard).
select 'communities' as dataset, substr(community_code, 1, 6) as county, count(*)::integer as rows
from stg_communities group by all
union all
select 'facilities', substr(community_code, 1, 6), count(*)::integer from stg_facilities group by all
union all
select 'staff', substr(community_code, 1, 6), count(*)::integer from stg_staff group by all
union all
select 'funding', substr(community_code, 1, 6), count(*)::integer from stg_funding group by all
union all
select 'wages', county_code, count(*)::integer from stg_wages group by all
