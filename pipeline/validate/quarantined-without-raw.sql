select c.file_id, c.sheet, c.row_number
from row_check c
where c.status = 'quarantined'
  and not exists (
    select 1 from quarantine_raw r
    where r.file_id = c.file_id and r.sheet is not distinct from c.sheet and r.row_number = c.row_number
  )
order by c.file_id, c.sheet, c.row_number;
