insert into run_step values ($run_id, $step, $started_at::timestamp, $ms, $rows);
