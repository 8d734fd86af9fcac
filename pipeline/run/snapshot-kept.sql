-- Rows kept per file as they stood before this run, to report the rows each dataset gained and lost.
create or replace temp table kept_before as
select file_id, dataset, rows_kept from file_accounting;
