-- One delimited file through DuckDB's reader, every cell as text, in file order. Strict mode and the
-- rejects table make a malformed row visible instead of silently mended; {{cells}}: the column names.
drop table if exists csv_rejects;
drop table if exists csv_reject_scans;

create or replace temp table csv_scan as
select row_number() over () as k, [{{cells}}] as cells
from read_csv(
  $path, header = false, auto_detect = false, columns = $columns, delim = $delimiter, quote = '"', escape = '"',
  null_padding = true, strict_mode = true, store_rejects = true, rejects_table = 'csv_rejects',
  rejects_scan = 'csv_reject_scans', parallel = false
);
