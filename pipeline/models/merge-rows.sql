-- Puts a model's recomputed rows ({{new}}) in place of its rows for the affected counties, or, for a
-- region-level model, the affected regions; {{code}} names the column the rows are placed by.
delete from {{table}} where county_affected({{code}});
insert into {{table}} by name from {{new}};
