-- Whether the scan can be numbered by place: no rejected row, and whether any cell spans lines.
select
  (select count(*) from csv_rejects) as rejects,
  exists (select 1 from csv_scan where list_bool_or(list_transform(cells, x -> strpos(x, chr(10)) > 0))) as multiline;
