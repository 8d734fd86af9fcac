select a.dataset, a.path, f.format, f.encoding, f.status, f.message, f.extra_columns,
  a.rows_read, a.rows_kept, a.rows_merged, a.rows_quarantined
from file_accounting a join inbox_file f using (file_id)
order by a.path;
