-- A full models pass starts from nothing: the tables a pass reads back (the parts and summaries kept
-- for rolling up) must not hold rows of counties that are gone.
drop table if exists group_part;
drop table if exists compliance_all;
drop table if exists compliance_region;
drop table if exists compliance_community;
