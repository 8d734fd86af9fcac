-- Keeps file_county: the counties each loaded file holds rows of, per dataset. A full pass ($all)
-- rebuilds it from every raw row; otherwise only the files loaded in this run ($first_id and above:
-- file ids only grow) are added, the forgotten ones having left with forget-files.sql.
delete from file_county where $all;

insert into file_county
select distinct dataset, file_id, county_code
from (
  select 'communities' as dataset, file_id, substr(community_code, 1, 6) as county_code from raw_communities
  where $all or file_id >= $first_id
  union all select 'facilities', file_id, substr(community_code, 1, 6) from raw_facilities
  where $all or file_id >= $first_id
  union all select 'staff', file_id, substr(community_code, 1, 6) from raw_staff
  where $all or file_id >= $first_id
  union all select 'funding', file_id, substr(community_code, 1, 6) from raw_funding
  where $all or file_id >= $first_id
  union all select 'wages', file_id, county_code from raw_wages
  where $all or file_id >= $first_id
);
