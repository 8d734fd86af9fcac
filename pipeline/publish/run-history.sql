-- The latest runs, newest first, for the run history page.
select run_id, strftime(started_at, '%Y-%m-%dT%H:%M:%SZ') as started_at,
  strftime(ended_at, '%Y-%m-%dT%H:%M:%SZ') as ended_at, status, exit_code, message, synthetic, files,
  rows_read, rows_kept, rows_quarantined, version, changes
from run_log
order by started_at desc, run_id desc
limit 100
