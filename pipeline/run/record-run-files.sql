-- Keeps a published run's per-file accounting.
insert into run_file
select $run_id, a.dataset, a.path, f.format, f.encoding, f.size, f.sha256, f.status, f.message,
  a.rows_read, a.rows_kept, a.rows_merged, a.rows_quarantined, f.extra_columns
from file_accounting a join inbox_file f using (file_id);
