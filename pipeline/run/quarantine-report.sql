-- The quarantined rows as a clerk fixes them: where each is, what is wrong, and its cells as read.
-- A roster row's cells stay in the warehouse: the report shows only its hashed worker id, since any
-- of its cells may hold personal data typed in the wrong column.
select q.file, q.sheet, q.row_number::integer as row_number, q.column_name as column, q.rule, q.reason,
  case
    when q.dataset = 'staff' then json_object(
      coalesce(json_extract_string(f.header_map, '$.worker_id'), 'worker_id'),
      json_extract_string(q.raw, '$.' || to_json(json_extract_string(f.header_map, '$.worker_id'))::varchar)
    )::varchar
    else q.raw
  end as cells
from quarantine q
left join inbox_file f on f.path = q.file
order by q.file, q.sheet, q.row_number
