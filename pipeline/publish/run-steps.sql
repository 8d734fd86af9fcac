select run_id, step, ms, rows from run_step where list_contains($runs, run_id) order by run_id, started_at
