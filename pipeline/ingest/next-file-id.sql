select coalesce(max(file_id), 0)::integer as id from inbox_file;
