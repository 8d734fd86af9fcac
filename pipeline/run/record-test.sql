insert into data_test_result values ($run_id, $test_id, $description, $severity, $status, $failures, $threshold, $message);
