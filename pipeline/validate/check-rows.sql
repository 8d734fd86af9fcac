-- Checks that need the whole inbox: registry membership and duplicate keys (docs/inbox.md).
-- {{raw}}: the dataset's raw table; {{code}}: its registry code column; {{registry}}: the registry
-- table that code must be in. Only rows that are not plainly kept get a row_check entry.
-- $all checks every row; otherwise only the rows of the counties in check_county (check-scope.sql).
-- That is enough: both checks compare a row only with rows of its own community code (the same key,
-- or a communities row naming the code), so a row's outcome changes only with its own county's files.
delete from row_check where dataset = $dataset
  and ($all or county_code in (select county_code from check_county));

insert into row_check
with named as (
  -- A code outside the registry is accepted when some communities row gives it a name.
  select distinct community_code as code from raw_communities
  where name is not null and ($all or substr(community_code, 1, 6) in (select county_code from check_county))
),
files as (
  select file_id, path, coalesce(json_extract_string(header_map, '$.' || $code_column), $code_column) as code_label
  from inbox_file
),
checked as (
  select t.file_id, t.sheet, t.row_number, t.row_key, t.row_digest, t.{{code}} as code, f.path, f.code_label,
    case
      when k.code is null then 'unknown_county'
      when r.code is null and n.code is null then 'not_in_registry'
    end as registry_rule,
    r.code is null as outside_registry
  from {{raw}} t
  join files f using (file_id)
  left join {{registry}} r on r.code = t.{{code}}
  left join registry_county k on k.code = substr(t.{{code}}, 1, 6)
  left join named n on n.code = t.{{code}}
  where $all or substr(t.{{code}}, 1, 6) in (select county_code from check_county)
),
-- Keys held by more than one row, found by a hash aggregate: ranking every row of a national inbox
-- in a window would sort tens of millions of rows (and spill) to find the few hundred repeated keys.
repeated as (
  select row_key from checked where registry_rule is null group by row_key having count(*) > 1
),
keyed as (
  select c.*, row_number() over (partition by row_key order by path, sheet, row_number) as rank
  from checked c semi join repeated using (row_key)
  where registry_rule is null
),
variants as (
  select row_key, count(distinct row_digest) as variants,
    string_agg(path || coalesce(' [' || sheet || ']', '') || ' row ' || row_number, '; '
      order by path, sheet, row_number) as places
  from keyed
  group by row_key
)
select $dataset, file_id, sheet, row_number, substr(code, 1, 6), 'quarantined', code_label, registry_rule,
  case registry_rule
    when 'unknown_county' then 'unknown county: ' || substr(code, 1, 6) || ' (code ' || code || ')'
    else 'community not in the registry and not named in any communities row: ' || code
  end
from checked
where registry_rule is not null
union all
select $dataset, k.file_id, k.sheet, k.row_number, substr(k.code, 1, 6),
  case
    when v.variants > 1 then 'quarantined'
    when k.rank > 1 then 'merged'
    else 'warned'
  end,
  case when v.variants > 1 or k.rank > 1 then $key_columns else k.code_label end,
  case
    when v.variants > 1 then 'conflicting_duplicate'
    when k.rank > 1 then 'identical_duplicate'
    else 'outside_registry'
  end,
  case
    when v.variants > 1 then 'conflicting rows for the same ' || $key_columns || ': ' || v.places
    when k.rank > 1 then 'identical rows for the same ' || $key_columns || ', kept once: ' || v.places
    else 'community not in the registry, kept under its reported name: ' || k.code
  end
from keyed k
join variants v using (row_key)
where v.variants > 1 or k.rank > 1 or k.outside_registry
union all
select $dataset, c.file_id, c.sheet, c.row_number, substr(c.code, 1, 6), 'warned', c.code_label, 'outside_registry',
  'community not in the registry, kept under its reported name: ' || c.code
from checked c anti join repeated using (row_key)
where c.registry_rule is null and c.outside_registry;
