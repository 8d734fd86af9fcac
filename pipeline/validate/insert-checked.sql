-- Moves one checked batch, written by the staging connection, into the warehouse: kept rows into the
-- dataset's raw table ({{raw}}), the others into quarantine_parse. Both files are in table order.
insert into {{raw}}
select * from read_parquet($kept);

insert into quarantine_parse
select file_id, $dataset, sheet, row_number, "column", rule, reason, problems, raw_json
from read_parquet($quarantined);
