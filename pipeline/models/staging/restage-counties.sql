-- The staged table of a dataset after a partial pass (see stage.sql): the rows of the counties in
-- check_county are taken out and staged again from the raw table; the other counties' rows stand.
-- Rows of forgotten files go too, whatever their code (a row without a county would otherwise stay).
delete from {{stg}}
where substr({{code}}, 1, 6) in (select county_code from check_county)
  or file_id not in (select file_id from inbox_file);

insert into {{stg}}
select * exclude (row_key, row_digest)
from {{raw}} t
where substr(t.{{code}}, 1, 6) in (select county_code from check_county)
  and not exists (
    select 1 from row_check c
    where c.dataset = $dataset and c.file_id = t.file_id and c.sheet is not distinct from t.sheet
      and c.row_number = t.row_number and c.status in ('quarantined', 'merged')
  );
