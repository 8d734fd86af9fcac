-- Every quarantined row of the inbox in one table: file, sheet, row, column, rule, reason, raw cells.
create or replace table quarantine as
select q.dataset, f.path as file, q.sheet, q.row_number, q.column_name, q.rule, q.reason, q.problems, q.raw
from quarantine_parse q join inbox_file f using (file_id)
union all
select c.dataset, f.path, c.sheet, c.row_number, c.column_name, c.rule, c.reason, null, r.raw
from row_check c
join inbox_file f using (file_id)
left join quarantine_raw r on r.file_id = c.file_id and r.sheet is not distinct from c.sheet
  and r.row_number = c.row_number
where c.status = 'quarantined';

-- Row warnings: kept rows that a clerk should still look at.
create or replace table row_warning as
select c.dataset, f.path as file, c.sheet, c.row_number, c.column_name, c.rule, c.reason
from row_check c join inbox_file f using (file_id)
where c.status in ('merged', 'warned');

-- Per-file accounting: rows read = rows kept + rows quarantined, with merged duplicates among the kept.
create or replace table file_accounting as
select f.file_id, f.dataset, f.path, f.rows_read,
  f.rows_read - f.rows_parse_quarantined - coalesce(c.quarantined, 0) as rows_kept,
  coalesce(c.merged, 0) as rows_merged,
  f.rows_parse_quarantined + coalesce(c.quarantined, 0) as rows_quarantined
from inbox_file f
left join (
  select file_id, count(*) filter (where status = 'quarantined') as quarantined,
    count(*) filter (where status = 'merged') as merged
  from row_check group by file_id
) c using (file_id);
