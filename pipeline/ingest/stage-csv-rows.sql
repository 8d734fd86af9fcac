-- The scanned rows below the header, each numbered by the physical line it starts on: its place,
-- plus the line breaks inside the quoted cells of the rows before it, plus the empty lines before
-- it (stage_blank.nb: how many non-empty lines precede each empty one).
insert into stage_row
select $file_id, null, line, null, null, cells
from (
  select cells, line0 + (select count(*) from stage_blank b where b.nb < line0) as line
  from (
    select cells,
      k + coalesce(sum(breaks) over (order by k rows between unbounded preceding and 1 preceding), 0) as line0
    from (
      select k, cells,
        coalesce(length(array_to_string(cells, '')) - length(replace(array_to_string(cells, ''), chr(10), '')), 0)
          as breaks
      from csv_scan
    )
  )
)
where line > $header_line;
