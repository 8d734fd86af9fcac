insert into inbox_file values (
  $file_id, $dataset, $path, $size, $sha256, $format, $encoding, $sheets, $header_map,
  $extra_columns, $status, $message, $rows_read, $rows_parse_quarantined, $run_id, $loaded_at::timestamp, $mtime_ms, $stat_id
);
