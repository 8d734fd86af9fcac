-- Whether the rows read-csv-stage.sql staged are numbered right: no rejected row, and no cell that
-- spans lines (the header and the rows above it are checked on the head, before).
select
  (select count(*) from csv_rejects) as rejects,
  exists (
    select 1 from stage_row
    where file_id = $file_id and list_bool_or(list_transform(cells, x -> strpos(x, chr(10)) > 0))
  ) as multiline;
