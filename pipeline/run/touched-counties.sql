-- After ingest: the counties whose inputs changed, those of the forgotten files' rows (snapshot-touched.sql)
-- and those of every row of the files loaded in this run. A conflict that a new row makes or a removed
-- row ends is between rows of one key, so of one county.
insert into touched_county
select substr(community_code, 1, 6) from raw_communities where file_id not in (select file_id from files_before)
union select substr(community_code, 1, 6) from raw_facilities where file_id not in (select file_id from files_before)
union select substr(community_code, 1, 6) from raw_staff where file_id not in (select file_id from files_before)
union select substr(community_code, 1, 6) from raw_funding where file_id not in (select file_id from files_before)
union select county_code from raw_wages where file_id not in (select file_id from files_before);
select distinct county_code from touched_county where county_code is not null order by county_code;
