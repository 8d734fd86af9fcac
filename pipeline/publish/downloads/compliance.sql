-- compliance.csv: region summaries for every standard and region, then in-scope community outcomes.
select c.standard_id, c.level, c.region_code, r.name as region_name, c.year, c.in_scope, c.status,
  case when c.value is not null then c.value::varchar end as measured,
  c.n_pass, c.n_fail, c.n_unknown, c.share_pass, s.source
from compliance_region c
join standard_def s on s.id = c.standard_id
left join region r on r.level = c.level and r.code = c.region_code
union all
select c.standard_id, 'community', c.community_code, y.name, c.year, true, c.status, c.measured,
  null, null, null, null, s.source
from compliance_community c
join standard_def s on s.id = c.standard_id
join community_year y using (community_code, year)
order by 1, 2, 3, 5
