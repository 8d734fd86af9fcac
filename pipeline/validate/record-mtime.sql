update inbox_file set mtime_ms = $mtime_ms where file_id = $file_id;
