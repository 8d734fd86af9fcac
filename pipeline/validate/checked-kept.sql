-- The kept rows of one dataset's checked batch ({{columns}}, key {{key}}), in the raw table's column order.
select file_id, sheet, row_number, json_array({{key}})::varchar as key_json, json_array({{columns}})::varchar as values_json,
  extras_json, {{columns}}
from checked
where keep
order by file_id, sheet, row_number
