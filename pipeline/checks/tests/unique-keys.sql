select
  (select count(*) from (select community_code, year from stg_communities group by all having count(*) > 1))
  + (select count(*) from (select community_code, year, facility_type from stg_facilities group by all having count(*) > 1))
  + (select count(*) from (select worker_id, community_code, hired_on from stg_staff group by all having count(*) > 1))
  + (select count(*) from (select community_code, year, source, category from stg_funding group by all having count(*) > 1))
  + (select count(*) from (select county_code, year from stg_wages group by all having count(*) > 1)) as failures,
  'keys that occur more than once in a staged table' as message
