select
  (select count(*) from community_year where urban_rural not in ('urban', 'rural') or urban_rural is null)
  + (select count(*) from stg_facilities where facility_type not in ('service_center', 'elder_daycare', 'elder_home',
      'health_room', 'culture_room', 'library', 'fitness', 'smart_platform'))
  + (select count(*) from stg_staff where role not in ('secretary', 'director', 'committee', 'full_time', 'grid'))
  + (select count(*) from stg_funding where source not in ('county', 'city', 'province_central', 'linked_units',
      'collective', 'donation', 'other') or category not in ('work', 'service', 'construction', 'staff_pay', 'other')) as failures,
  'values outside their accepted sets' as message
