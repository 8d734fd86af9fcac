-- Names and codes of a province's townships and communities that have data, for search by name or code.
select distinct 'community' as level, y.community_code as code, y.name, y.township_code as parent
from community_year y where y.province_code = $region
union all
select distinct 'township', t.code, t.name, t.county_code
from registry_township t where t.code in (select township_code from community_year where province_code = $region)
order by level, code
