-- A full reload: forget every file's rows before reading the inbox again.
delete from raw_communities;
delete from raw_facilities;
delete from raw_staff;
delete from raw_funding;
delete from raw_wages;
delete from quarantine_parse;
delete from quarantine_raw;
delete from inbox_file;
