-- Gaps (docs/indicators.md) of the affected regions, every year: urban_rural (a = urban, b = rural) and industry (a = rural_industry,
-- b = rural_no_industry) per region, year and indicator; diff = a − b, ratio = a / b. A gap whose
-- smaller n is below $min_n is suppressed: diff and ratio null. Changes are from the previous year
-- and from the region's first year with an unsuppressed diff.
create or replace temp table new_gap as
with pairs as (
  -- The catalogue's gaps, as three parallel lists: gap id, group a, group b.
  select unnest($gap_ids) as gap, unnest($gap_a) as a, unnest($gap_b) as b
),
joined as (
  -- One pass over the group values, each row meeting the gaps it is a side of: two hash joins per
  -- gap on every region-year-indicator cell cost 20 s at 30,000 community-years.
  select g.level, g.region_code, g.year, g.indicator, p.gap,
    any_value(g.value) filter (where g."group" = p.a) as value_a,
    any_value(g.value) filter (where g."group" = p.b) as value_b,
    coalesce(any_value(g.n) filter (where g."group" = p.a), 0) as n_a,
    coalesce(any_value(g.n) filter (where g."group" = p.b), 0) as n_b
  from group_value g
  join pairs p on g."group" = p.a or g."group" = p.b
  where region_affected(g.level, g.region_code)
  group by g.level, g.region_code, g.year, g.indicator, p.gap
),
judged as (
  select *, least(n_a, n_b) < $min_n as suppressed from joined
),
measured as (
  select *,
    case when not suppressed then value_a - value_b end as diff,
    case when not suppressed and value_b <> 0 then value_a / value_b end as ratio
  from judged
)
select m.level, m.region_code, r.name as region_name, m.year, m.indicator, m.gap,
  m.value_a, m.value_b, m.n_a, m.n_b, m.diff, m.ratio, m.suppressed,
  m.diff - lag(m.diff) over w as diff_change_prev,
  m.diff - first_value(m.diff ignore nulls) over (w rows between unbounded preceding and current row) as diff_change_first
from measured m
left join region r on r.level = m.level and r.code = m.region_code
window w as (partition by m.level, m.region_code, m.indicator, m.gap order by m.year);
