select count(*)::integer as n from raw_staff where worker_id is not null
