-- Tables of a compliance computation, filled by compute-compliance.ts. The community outcomes and the
-- region summaries are kept between runs, so a pass recomputes only the affected counties' outcomes.
create or replace table standard_def (
  id varchar, level varchar, applies_to varchar, scope varchar, checks varchar,
  zh varchar, en varchar, source varchar
);
create table if not exists compliance_all (
  standard_id varchar, community_code varchar, year integer, status varchar, in_scope boolean,
  measured varchar
);
create table if not exists compliance_region (
  standard_id varchar, level varchar, region_code varchar, year integer, in_scope boolean,
  status varchar, value double, n_pass integer, n_fail integer, n_unknown integer, share_pass double
);
create table if not exists compliance_community (
  standard_id varchar, community_code varchar, year integer, status varchar, measured varchar
);
create or replace temp table new_compliance_all as from compliance_all limit 0;
create or replace temp table compliance_region_rule (
  standard_id varchar, level varchar, region_code varchar, year integer, in_scope boolean,
  status varchar, value double
);
