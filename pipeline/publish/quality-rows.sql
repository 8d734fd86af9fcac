select dataset, file, sheet, row_number::integer as row_number, column_name, rule, reason
from quarantine
order by file, sheet, row_number;
