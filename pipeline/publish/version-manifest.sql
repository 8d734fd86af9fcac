-- Facts about the published data for the dashboard's manifest.
select
  (select list(distinct year order by year) from community_year) as years,
  (select count(distinct community_code)::integer from community_year) as communities,
  (select count(*)::integer from community_year) as community_years,
  (select value from meta where key = 'registry_version') as registry_version
