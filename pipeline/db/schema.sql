-- The warehouse's own tables. Registry and derived tables (stg_*, row_check, quarantine) are
-- created by their stages; these are the ones that accumulate across runs.
create table if not exists meta (key varchar primary key, value varchar);

create table if not exists inbox_file (
  file_id integer primary key,
  dataset varchar not null,
  path varchar not null unique,       -- relative to the inbox, '/'-separated
  size bigint not null,
  sha256 varchar not null,
  format varchar,
  encoding varchar,
  sheets varchar,                     -- JSON list of the sheets that carried the dataset
  header_map varchar,                 -- JSON {column: header as written in the file}
  extra_columns varchar,              -- JSON list of headers that matched no column (kept in raw)
  status varchar not null,            -- loaded | empty
  message varchar,
  rows_read integer not null,
  rows_parse_quarantined integer not null,
  loaded_run varchar not null,
  loaded_at timestamp,                -- when this content of the file first came in (freshness)
  mtime_ms double,                    -- modification time when fingerprinted: unchanged size and time skip re-hashing
  stat_id varchar                     -- inode and change time then: an edit with its mtime restored still changes it
);

-- Raw tables: every row that parsed, typed, with where it came from and the cells of columns no spec
-- column claimed (extras, JSON). Column order matches the dataset specs in pipeline/schema (a test checks).
-- Which counties each loaded file holds rows of, per dataset: the run log's freshness reads this
-- instead of every raw row, so an unchanged nightly run stays quick. Kept by the ingest.
create table if not exists file_county (dataset varchar, file_id integer, county_code varchar);

create table if not exists raw_communities (
  file_id integer, sheet varchar, row_number integer, row_key varchar, row_digest varchar, extras varchar,
  community_code varchar, year integer, name varchar, urban_rural varchar, has_industry boolean,
  industry_type varchar, households integer, population integer, area_km2 double, grids integer,
  satisfaction double
);
create table if not exists raw_facilities (
  file_id integer, sheet varchar, row_number integer, row_key varchar, row_digest varchar, extras varchar,
  community_code varchar, year integer, facility_type varchar, present boolean, floor_area_m2 double,
  safety_issue boolean
);
create table if not exists raw_staff (
  file_id integer, sheet varchar, row_number integer, row_key varchar, row_digest varchar, extras varchar,
  worker_id varchar, community_code varchar, role varchar, hired_on date, left_on date,
  leave_reason varchar, monthly_wage double, social_insurance boolean, education varchar,
  birth_year integer
);
create table if not exists raw_funding (
  file_id integer, sheet varchar, row_number integer, row_key varchar, row_digest varchar, extras varchar,
  community_code varchar, year integer, source varchar, category varchar, amount double, unit varchar
);
create table if not exists raw_wages (
  file_id integer, sheet varchar, row_number integer, row_key varchar, row_digest varchar, extras varchar,
  county_code varchar, year integer, avg_annual_wage double
);

-- Rows that failed a check of their own cells, with every problem (JSON) and the raw cells.
-- Rows quarantined later by whole-inbox checks get their raw cells in quarantine_raw.
create table if not exists quarantine_parse (
  file_id integer, dataset varchar, sheet varchar, row_number integer,
  column_name varchar, rule varchar, reason varchar, problems varchar, raw varchar
);

create table if not exists quarantine_raw (
  file_id integer, sheet varchar, row_number integer, raw varchar
);

-- One row per step of a run, with its time and rows, and per data test.
create table if not exists run_step (
  run_id varchar, step varchar, started_at timestamp, ms integer, rows bigint
);
create table if not exists data_test_result (
  run_id varchar, test_id varchar, description varchar, severity varchar, status varchar,
  failures bigint, threshold double, message varchar
);

create table if not exists run_log (
  run_id varchar primary key,
  started_at timestamp not null,
  ended_at timestamp,
  status varchar not null,            -- running | published | failed
  exit_code integer,
  message varchar,
  synthetic boolean,
  files integer,
  rows_read bigint,
  rows_kept bigint,
  rows_quarantined bigint,
  version varchar,                    -- the version it published
  changes varchar                     -- JSON: files added/changed/removed, rows added/removed, gap moves
);

create table if not exists run_file (
  run_id varchar, dataset varchar, path varchar, format varchar, encoding varchar, size bigint,
  sha256 varchar, status varchar, message varchar, rows_read integer, rows_kept integer,
  rows_merged integer, rows_quarantined integer, extra_columns varchar
);

-- Gaps exist from the first run on, so a run can always compare with the previous one
-- (pipeline/models/marts/gaps.sql replaces it with the same columns).
create table if not exists gap (
  level varchar, region_code varchar, region_name varchar, year integer, indicator varchar, gap varchar,
  value_a double, value_b double, n_a integer, n_b integer, diff double, ratio double, suppressed boolean,
  diff_change_prev double, diff_change_first double
);

-- Rows kept per file exist from the first run on, so a run can always say which rows came and went
-- (pipeline/validate/quarantine.sql replaces it with the same columns).
create table if not exists file_accounting (
  file_id integer, dataset varchar, path varchar, rows_read integer, rows_kept bigint, rows_merged bigint,
  rows_quarantined bigint
);

-- Per region (nation to county), a fingerprint of what its shards were made of at the last
-- publication (pipeline/publish/plan-shard-reuse.ts).
create table if not exists shard_fingerprint (code varchar, fingerprint varchar);

-- Columns added after the first release, for warehouses created before them.
alter table inbox_file add column if not exists loaded_at timestamp;
alter table inbox_file add column if not exists mtime_ms double;
alter table inbox_file add column if not exists stat_id varchar;
