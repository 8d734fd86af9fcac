-- A full models pass: the model table becomes its recomputed rows, columns and all (the catalogue may
-- have gained an indicator).
create or replace table {{table}} as from {{new}};
