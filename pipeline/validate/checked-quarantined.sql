-- The quarantined rows of one checked batch, with every problem, in quarantine_parse's column order
-- but for the dataset, which the insert adds.
select file_id, sheet, row_number, problem_list[1].column as "column", problem_list[1].rule as rule,
  array_to_string(
    list_transform(problem_list, p -> case when p.column <> '' then p.column || ': ' || p.reason else p.reason end),
    '; '
  ) as reason,
  to_json(problem_list)::varchar as problems, raw_json
from checked
where not keep
order by file_id, sheet, row_number
