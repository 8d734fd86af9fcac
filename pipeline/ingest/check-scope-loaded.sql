-- The counties whose whole-inbox checks are run again: those of the forgotten files (check-scope.sql)
-- and those of the files loaded now.
insert into check_county
select distinct county_code from file_county where file_id >= $first_id and county_code is not null;
