-- Rebuilds file_county from the raw rows: the counties each loaded file holds rows of, per dataset.
delete from file_county;

insert into file_county
select distinct dataset, file_id, county_code
from (
  select 'communities' as dataset, file_id, substr(community_code, 1, 6) as county_code from raw_communities
  union all select 'facilities', file_id, substr(community_code, 1, 6) from raw_facilities
  union all select 'staff', file_id, substr(community_code, 1, 6) from raw_staff
  union all select 'funding', file_id, substr(community_code, 1, 6) from raw_funding
  union all select 'wages', file_id, county_code from raw_wages
);
