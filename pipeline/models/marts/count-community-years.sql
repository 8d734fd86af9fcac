-- The community-years the models step computed indicators for.
select count(*)::integer as n from community_year
