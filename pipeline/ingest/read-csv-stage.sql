-- One delimited file without empty lines straight into the staging, every cell as text, numbered by
-- place: read-csv-scan.sql's reader, for the common file whose rows start on the lines of their places
-- (stage-csv-check.sql tells; a file where that fails is taken out again and numbered line by line).
drop table if exists csv_rejects;
drop table if exists csv_reject_scans;

insert into stage_row
select $file_id, null, k, null, null, cells
from (
  select row_number() over () as k, [{{cells}}] as cells
  from read_csv(
    $path, header = false, auto_detect = false, columns = $columns, delim = $delimiter, quote = '"', escape = '"',
    null_padding = true, strict_mode = true, store_rejects = true, rejects_table = 'csv_rejects',
    rejects_scan = 'csv_reject_scans', parallel = false
  )
)
where k > $header_line;
