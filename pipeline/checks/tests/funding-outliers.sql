-- Communities whose funding per household is far outside their county's range that year.
with m as (
  select county_code, year, median(funding_per_household) as median
  from community_year where funding_per_household > 0 group by all
),
out as (
  select c.community_code, c.year
  from community_year c join m using (county_code, year)
  where c.funding_per_household > m.median * $factor or c.funding_per_household < m.median / $factor
)
select count(*) as failures,
  'funding per household more than ' || $factor || '× above or below the county median: '
    || coalesce(string_agg(community_code || ' ' || year, ', ' order by community_code, year), '') as message
from out
