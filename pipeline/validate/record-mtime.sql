update inbox_file set mtime_ms = $mtime_ms, stat_id = $stat_id where file_id = $file_id;
