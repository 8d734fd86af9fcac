select run_id, test_id, description, severity, status, failures, threshold, message
from data_test_result where list_contains($runs, run_id) order by run_id, test_id
