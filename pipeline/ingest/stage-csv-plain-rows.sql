-- The scanned rows below the header of a file without empty lines or cells that span lines: each
-- row starts on the line of its place, so no line needs counting. Scan order is insertion order.
insert into stage_row
select $file_id, null, k, null, null, cells
from csv_scan
where k > $header_line;
