-- Funding by source and category per community group, for a region's stacked funding chart.
select f.year, y.urban_rural,
  case when y.urban_rural = 'rural' and y.has_industry then 'rural_industry'
       when y.urban_rural = 'rural' and not y.has_industry then 'rural_no_industry' end as industry_group,
  f.source, f.category, sum(f.amount) as amount, count(distinct f.community_code)::integer as communities
from stg_funding f
join community_year y using (community_code, year)
where $region = 'CN' or starts_with(f.community_code, $region)
group by all
order by f.year, y.urban_rural, f.source, f.category
