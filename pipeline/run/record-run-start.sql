insert into run_log (run_id, started_at, status, synthetic)
values ($run_id, $started_at::timestamp, 'running', $synthetic);
