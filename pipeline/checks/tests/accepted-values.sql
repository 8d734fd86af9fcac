-- Rows of a table whose column holds a value outside the accepted ones (or none, where one is required).
select count(*) as failures
from {{table}}
where ({{column}} is null and $required) or ({{column}} is not null and not list_contains($values, {{column}}))
