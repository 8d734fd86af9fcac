-- Per dataset and county: when its newest file came in, and whether that is too long ago.
with latest as (
  select p.dataset, p.county_code, max(f.loaded_at) as last_file_at
  from file_county p
  join inbox_file f using (file_id)
  group by all
)
select l.dataset, l.county_code, c.name as county_name, strftime(l.last_file_at, '%Y-%m-%dT%H:%M:%SZ') as last_file_at,
  date_diff('day', l.last_file_at, $now::timestamp)::integer as age_days,
  date_diff('day', l.last_file_at, $now::timestamp) > $warn_days as stale
from latest l left join registry_county c on c.code = l.county_code
order by l.county_code, l.dataset
