-- The staged table of a dataset: its raw rows less the quarantined and the merged duplicates.
create or replace table {{stg}} as
select * exclude (row_key, row_digest)
from {{raw}} t
where not exists (
  select 1 from row_check c
  where c.dataset = $dataset and c.file_id = t.file_id and c.sheet is not distinct from t.sheet
    and c.row_number = t.row_number and c.status in ('quarantined', 'merged')
);
