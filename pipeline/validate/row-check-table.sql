-- The outcome of the whole-inbox checks for the rows that are not plainly kept, made anew by a full
-- pass (check-rows.sql fills it; a partial pass replaces only its counties' entries).
create or replace table row_check (
  dataset varchar, file_id integer, sheet varchar, row_number integer,
  county_code varchar,   -- the county of the row's code: what a partial pass replaces by
  status varchar,        -- quarantined | merged (identical duplicate, kept once) | warned (kept)
  column_name varchar, rule varchar, reason varchar
);
