-- Puts a region-level model's recomputed rows ({{new}}) in place of its rows for the affected regions.
delete from {{table}} where region_affected(level, region_code);
insert into {{table}} by name from {{new}};
