-- Before forgetting files: the counties their rows were in ($file_ids: removed or replaced files),
-- whose rows the whole-inbox checks must look at again (check-rows.sql). file-counties.sql adds the
-- counties of the files loaded in this run.
create or replace temp table check_county as
select distinct county_code from file_county
where list_contains($file_ids::integer[], file_id) and county_code is not null;
