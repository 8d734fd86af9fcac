-- Closes a run's log entry.
update run_log
set ended_at = now()::timestamp, status = $status, exit_code = $exit_code, message = $message,
  files = $files, rows_read = $rows_read, rows_kept = $rows_kept, rows_quarantined = $rows_quarantined,
  version = $version, changes = $changes
where run_id = $run_id;
