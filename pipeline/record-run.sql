-- Closes a run's log entry and, for a run that loaded files, keeps its per-file accounting.
update run_log
set ended_at = now()::timestamp, status = $status, exit_code = $exit_code, message = $message,
  files = $files, rows_read = $rows_read, rows_kept = $rows_kept, rows_quarantined = $rows_quarantined
where run_id = $run_id;

insert into run_file
select $run_id, a.dataset, a.path, f.format, f.encoding, f.size, f.sha256, f.status, f.message,
  a.rows_read, a.rows_kept, a.rows_merged, a.rows_quarantined, f.extra_columns
from file_accounting a join inbox_file f using (file_id)
where $status = 'published';
