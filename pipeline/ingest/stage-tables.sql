-- The all-text staging of one batch of an ingest. Temp tables: they hold raw cells, roster ids among them, and
-- never reach the warehouse file.
create or replace temp table stage_row (
  file_id integer, sheet varchar, row_number integer, problem_rule varchar, problem_reason varchar, cells varchar[]
);
create or replace temp table stage_blank (nb integer);
