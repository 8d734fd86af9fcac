-- The quarantined rows as a clerk fixes them: where each is, what is wrong, and its cells as read.
select file, sheet, row_number::integer as row_number, column_name as column, rule, reason, raw as cells
from quarantine
order by file, sheet, row_number
