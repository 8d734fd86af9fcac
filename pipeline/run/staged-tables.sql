-- How many of the staged tables exist: none before a warehouse's first ingest.
select count(*)::integer as n from duckdb_tables()
where table_name in ('stg_communities', 'stg_facilities', 'stg_staff', 'stg_funding', 'stg_wages')
