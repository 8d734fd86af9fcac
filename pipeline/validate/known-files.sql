select file_id, dataset, path, sha256, size, rows_read, mtime_ms, stat_id from inbox_file order by file_id;
