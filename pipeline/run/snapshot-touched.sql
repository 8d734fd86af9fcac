-- Before ingest: the files this warehouse holds, and the counties of every row (kept or quarantined)
-- of the files about to be forgotten ($file_ids: removed or replaced), whose models change with them.
create or replace temp table files_before as select file_id from inbox_file;
create or replace temp table touched_county as
select substr(community_code, 1, 6) as county_code from raw_communities where list_contains($file_ids::integer[], file_id)
union select substr(community_code, 1, 6) from raw_facilities where list_contains($file_ids::integer[], file_id)
union select substr(community_code, 1, 6) from raw_staff where list_contains($file_ids::integer[], file_id)
union select substr(community_code, 1, 6) from raw_funding where list_contains($file_ids::integer[], file_id)
union select county_code from raw_wages where list_contains($file_ids::integer[], file_id);
