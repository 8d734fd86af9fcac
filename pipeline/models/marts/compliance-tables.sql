-- Working tables of a compliance computation, filled by compute-compliance.ts.
create or replace table standard_def (
  id varchar, level varchar, applies_to varchar, scope varchar, checks varchar,
  zh varchar, en varchar, source varchar
);
create or replace temp table compliance_all (
  standard_id varchar, community_code varchar, year integer, status varchar, in_scope boolean,
  measured varchar
);
create or replace temp table compliance_region_rule (
  standard_id varchar, level varchar, region_code varchar, year integer, in_scope boolean,
  status varchar, value double
);
