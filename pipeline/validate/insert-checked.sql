-- Moves the checked rows of one dataset out of the temp table `checked`: kept rows into its raw table
-- ({{raw}}, columns {{columns}}, key {{key}}), the others into quarantine_parse with every problem.
insert into {{raw}}
select file_id, sheet, row_number, json_array({{key}})::varchar, json_array({{columns}})::varchar, extras_json,
  {{columns}}
from checked
where keep
order by file_id, sheet, row_number;

insert into quarantine_parse
select file_id, $dataset, sheet, row_number, problem_list[1].column, problem_list[1].rule,
  array_to_string(
    list_transform(problem_list, p -> case when p.column <> '' then p.column || ': ' || p.reason else p.reason end),
    '; '
  ),
  to_json(problem_list)::varchar, raw_json
from checked
where not keep
order by file_id, sheet, row_number;

select file_id, count(*)::integer as rows_read, (count(*) filter (where not keep))::integer as rows_quarantined
from checked
group by file_id;
