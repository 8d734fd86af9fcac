-- Forgets every row that came from the given files, before they are reloaded or because they are gone.
delete from raw_communities where list_contains($file_ids, file_id);
delete from raw_facilities where list_contains($file_ids, file_id);
delete from raw_staff where list_contains($file_ids, file_id);
delete from raw_funding where list_contains($file_ids, file_id);
delete from raw_wages where list_contains($file_ids, file_id);
delete from quarantine_parse where list_contains($file_ids, file_id);
delete from quarantine_raw where list_contains($file_ids, file_id);
delete from file_county where list_contains($file_ids, file_id);
delete from inbox_file where list_contains($file_ids, file_id);
