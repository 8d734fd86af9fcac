-- Inequality of continuous indicators across an affected region's communities (docs/indicators.md), from
-- its members' values (the nation: every community-year): Theil T decomposed
-- into between urban/rural and within-group parts, and the Gini coefficient. Theil T comes from
-- additive sums: with S = Σx, L = Σ x·ln x and μ = S/N, T = L/S − ln μ; between = Σ_g (S_g/S)·ln(μ_g/μ);
-- within = Σ_g (S_g/S)·T_g. Zero values contribute 0·ln 0 = 0. Regions with fewer than $min_n
-- communities with a value, or whose values sum to 0, get no figure.
create or replace temp table new_inequality as
with long as (
  unpivot (select * from community_year where urban_rural is not null) on {{inequality}}
  into name indicator value value
),
placed as (
  select 'nation' as level, 'CN' as region_code, year, indicator, urban_rural, value from long
  where region_affected('nation', 'CN')
  union all select 'province', province_code, year, indicator, urban_rural, value from long
  where region_affected('province', province_code)
  union all select 'city', city_code, year, indicator, urban_rural, value from long
  where region_affected('city', city_code)
  union all select 'county', county_code, year, indicator, urban_rural, value from long
  where region_affected('county', county_code)
  union all select 'township', township_code, year, indicator, urban_rural, value from long
  where region_affected('county', county_code)
),
by_group as (
  select level, region_code, year, indicator, urban_rural, count(*) as n, sum(value) as s,
    sum(case when value > 0 then value * ln(value) else 0 end) as l
  from placed
  group by all
),
totals as (
  select level, region_code, year, indicator, sum(n) as n, sum(s) as s, sum(l) as l
  from by_group group by all
),
theil as (
  select t.level, t.region_code, t.year, t.indicator, t.n,
    t.l / t.s - ln(t.s / t.n) as theil,
    sum(case when g.s > 0 then (g.s / t.s) * ln((g.s / g.n) / (t.s / t.n)) else 0 end) as theil_between,
    sum(case when g.s > 0 then (g.s / t.s) * (g.l / g.s - ln(g.s / g.n)) else 0 end) as theil_within
  from totals t join by_group g using (level, region_code, year, indicator)
  where t.s > 0 and t.n >= $min_n
  group by all
),
ranked as (
  select level, region_code, year, indicator, value,
    row_number() over (partition by level, region_code, year, indicator order by value) as i
  from placed
),
gini as (
  select level, region_code, year, indicator,
    2 * sum(i * value) / (count(*) * sum(value)) - (count(*) + 1) / count(*) as gini
  from ranked
  group by all
  having sum(value) > 0 and count(*) >= $min_n
)
select th.level, th.region_code, th.year, th.indicator, th.n::integer as n, th.theil, th.theil_between,
  th.theil_within, case when th.theil > 0 then th.theil_between / th.theil end as between_share, gi.gini
from theil th join gini gi using (level, region_code, year, indicator);
