select
  (select count(*) from stg_communities where community_code is null or year is null or households is null or population is null)
  + (select count(*) from stg_facilities where community_code is null or year is null or facility_type is null or present is null)
  + (select count(*) from stg_staff where worker_id is null or community_code is null or hired_on is null)
  + (select count(*) from stg_funding where community_code is null or year is null or source is null or category is null or amount is null)
  + (select count(*) from stg_wages where county_code is null or year is null or avg_annual_wage is null) as failures,
  'staged rows with a missing key or required value' as message
