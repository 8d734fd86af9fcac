import type { DuckDBValue } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import { quoteIdentifier as q } from '../db/quote-identifier.ts';
import { MONEY_UNITS, type ColumnSpec, type DatasetSpec } from '../schema/column.ts';
import { foldHeader } from './fold-header.ts';

/** The staging map of a dataset: per staged table, where each column sits and what its header declared. */
export function stageMapTable(spec: DatasetSpec): string {
  return `stage_map_${spec.name}`;
}

/** The columns of a dataset's staging map, after file_id, sheet, header, width, picked and extras. */
export function stageMapColumns(spec: DatasetSpec): { name: string; type: string }[] {
  return spec.columns.flatMap((c) => [
    { name: `i_${c.name}`, type: 'integer' },
    { name: `f_${c.name}`, type: 'double' },
    { name: `u_${c.name}`, type: 'varchar' },
    { name: `l_${c.name}`, type: 'varchar' },
  ]);
}

/** DDL of a dataset's staging map (a temp table: it lives only for one ingest). */
export function stageMapDdl(spec: DatasetSpec): string {
  const columns = stageMapColumns(spec)
    .map((c) => `${q(c.name)} ${c.type}`)
    .join(', ');
  return `create or replace temp table ${q(stageMapTable(spec))} (file_id integer, sheet varchar, header varchar[], width integer, picked integer[], extras integer[], ${columns})`;
}

const STORED_TYPE: Record<ColumnSpec['type']['kind'], string> = {
  code: 'varchar',
  text: 'varchar',
  enum: 'varchar',
  boolean: 'boolean',
  date: 'date',
  year: 'integer',
  integer: 'integer',
  number: 'double',
};

/**
 * The SQL that checks every staged row of a dataset, set-based, into the temp table `checked`: the
 * typed values of kept rows, and for the others every problem as the reference row parser names it.
 * Only quoted identifiers and `$name` parameters enter the text; the specs give both.
 */
export function stagedRowsSql(
  spec: DatasetSpec,
  ctx: { currentYear: number; today: string },
): { sql: string; params: Record<string, DuckDBValue> } {
  const params: Record<string, DuckDBValue> = { current_year: ctx.currentYear, today: ctx.today };
  const personalDataset = spec.columns.some((c) => c.personal);
  // Personal cells need their keyed hash, joined in the full path only.
  const fastRows = !personalDataset && spec.columns.some((c) => c.required);
  const cell = (c: ColumnSpec) => `s.cells[s.${q(`i_${c.name}`)}]`;
  const col = (prefix: string, c: ColumnSpec) => q(`${prefix}_${c.name}`);
  // Macros expand in place: each level computes columns the next one mentions as often as it needs.
  const prepared: string[] = [];
  const parsed: string[] = [];
  const whole: string[] = [];
  const checked: string[] = [];
  const cells: string[] = [];
  const widened: string[] = [];
  const folded: string[] = [];
  const fast: string[] = [];
  spec.columns.forEach((c, n) => {
    const t = col('t', c);
    const r = col('r', c);
    const f = col('n', c);
    const x = col('x', c);
    const p1 = col('p1', c);
    const p2 = col('p2', c);
    const type = c.type;
    // A year may carry 年 ("2019年"): it is read without it, but a cell of 年 alone is not missing.
    const text = type.kind === 'year' ? `cb_year_text(${t})` : t;
    cells.push(`${cell(c)} as ${t}`);
    widened.push(`cb_wide_to_ascii(${text}) as ${col('w', c)}`, `cb_trim(${text}) as ${r}`);
    widened.push(`coalesce(cb_trim(${t}), '') = '' as ${col('b', c)}`);
    if (c.personal) widened.push(`case when coalesce(${t}, '') <> '' then cb_trim(${t}) end as ${col('k', c)}`);
    folded.push(`cb_trim(${col('w', c)}) as ${f}`);
    let expr: string;
    switch (type.kind) {
      case 'code':
        params[`digits_${n}`] = type.digits;
        prepared.push(`cb_without_point_zero(${f}) as ${x}`);
        expr = `cb_code_of(${r}, ${x}, $digits_${n})`;
        break;
      case 'text':
        prepared.push(`${f} as ${x}`);
        expr = `cb_ok(nullif(${x}, ''))`;
        break;
      case 'boolean':
        prepared.push(`lower(${f}) as ${x}`);
        expr = `cb_boolean_of(${r}, ${x})`;
        break;
      case 'date':
        prepared.push(`${f} as ${x}`);
        expr = `cb_date_of(${r}, ${x})`;
        break;
      case 'year':
      case 'integer':
      case 'number':
        prepared.push(`cb_without_spaces(${f}) as ${x}`);
        expr = `cb_number_of(${r}, ${x})`;
        break;
      case 'enum': {
        const keys: string[] = [];
        const values: string[] = [];
        for (const [canonical, aliases] of Object.entries(type.values)) {
          for (const name of [canonical, ...aliases]) {
            if (keys.includes(foldHeader(name))) continue;
            keys.push(foldHeader(name));
            values.push(canonical);
          }
        }
        params[`enum_keys_${n}`] = listValue(keys);
        params[`enum_values_${n}`] = listValue(values);
        params[`accepted_${n}`] = Object.entries(type.values)
          .map(([value, aliases]) => (aliases.length ? `${value} (${aliases[0]})` : value))
          .join(', ');
        prepared.push(
          `($enum_values_${n}::varchar[])[list_position($enum_keys_${n}::varchar[], lower(cb_without_separators(${f})))] as ${x}`,
        );
        expr = `case when coalesce(${r}, '') = '' then cb_ok(null::varchar)
          when ${x} is not null then cb_ok(${x})
          else cb_bad(null::varchar, 'unknown_value', 'unknown value: ' || ${r} || ' (accepted: ' || $accepted_${n} || ')') end`;
        break;
      }
    }
    fast.push(`${fastValue(c, t, n)} as ${col('fv', c)}`);
    parsed.push(`${expr} as ${p1}`);
    whole.push(`${type.kind === 'integer' || type.kind === 'year' ? `cb_whole_of(${p1})` : p1} as ${p2}`);
    if (type.kind === 'integer' || type.kind === 'number') {
      const range = type as { min?: number; max?: number };
      params[`min_${n}`] = range.min ?? null;
      params[`max_${n}`] = range.max ?? null;
      checked.push(`cb_range(${p2}, $min_${n}::double, $max_${n}::double) as ${col('p', c)}`);
    } else if (type.kind === 'year') checked.push(`cb_year_of(${p2}, $current_year) as ${col('p', c)}`);
    else checked.push(`${p2} as ${col('p', c)}`);
  });

  // Per column: the problem (missing, or the parser's) and the value as stored, unit factor applied.
  const problemOf = (c: ColumnSpec) => {
    const missing = c.required
      ? `when ${col('b', c)} then {'column': s.${col('l', c)}, 'rule': 'missing_value', 'reason': 'missing value'}`
      : '';
    return `case ${missing} when ${col('p', c)}.rule is not null then {'column': s.${col('l', c)}, 'rule': ${col('p', c)}.rule, 'reason': ${col('p', c)}.reason} end`;
  };
  const valueOf = (c: ColumnSpec, v = `${col('p', c)}.v`) => {
    if (c.type.kind === 'integer') return `(${v} * s.${col('f', c)})::integer`;
    if (c.type.kind === 'year') return `${v}::integer`;
    if (c.type.kind === 'number')
      return c.type.money ? `round(${v} * s.${col('f', c)} * 100) / 100` : `${v} * s.${col('f', c)}`;
    return v;
  };
  // A cell passes the fast path with its value, or blank where blank is allowed.
  const fastOk = (c: ColumnSpec) =>
    `(${col('fv', c)} is not null${c.required ? '' : ` or coalesce(${col('t', c)}, '') = ''`})`;
  const label = (name: string) => `coalesce(${q(`l_${name}`)}, '${name}')`;
  const cross = crossChecks(spec.name, label, params);
  const hashJoins = spec.columns
    .filter((c) => c.personal)
    .map(
      (c) =>
        `left join personal_hash ${col('hv', c)} on ${col('hv', c)}.value = s.${col('x', c)}
         left join personal_hash ${col('hr', c)} on ${col('hr', c)}.value = s.${col('k', c)}`,
    )
    .join('\n');
  // Raw cells for the quarantine: personal cells replaced by their hash, as they are everywhere.
  let rawCells = 's.cells';
  for (const c of spec.columns.filter((c) => c.personal)) {
    rawCells = `list_transform(range(1, greatest(len(s.header), len(s.cells)) + 1), i -> case when i = s.${col('i', c)} and coalesce(s.cells[i], '') <> '' then ${col('hr', c)}.hash else ${rawCells}[i] end)`;
  }
  const final = spec.columns.map((c) => {
    let v = col('v', c);
    if (c.personal) v = col('h', c);
    if (spec.name === 'communities' && c.name === 'urban_rural') v = `coalesce(${v}, inferred_urban_rural)`;
    if (spec.name === 'funding' && c.name === 'amount')
      v = `case when v_unit is not null and u_amount is null then round(${v} * unit_factor * 100) / 100 else ${v} end`;
    if (spec.name === 'funding' && c.name === 'unit') v = `'元'`;
    return `(${v})::${STORED_TYPE[c.type.kind]} as ${q(c.name)}`;
  });
  const reason = personalDataset ? 'cb_without_value(p.reason)' : 'p.reason';
  const sql = `
create or replace temp table checked as
with staged as (
  select r.file_id, r.sheet, r.row_number, r.problem_rule, r.problem_reason, r.cells, m.* exclude (file_id, sheet)
  from stage_row r join ${q(stageMapTable(spec))} m on m.file_id = r.file_id and m.sheet is not distinct from r.sheet
),
l0 as (select s.*, ${cells.join(',\n    ')} from staged s),
f as (select *, ${fast.join(',\n    ')} from l0),
-- A row whose every cell passes the fast path is checked by it alone (a required cell makes it not
-- blank; nothing beyond the header's width). The others take the full parse below.
fc as (
  select *, ${fastRows ? `problem_rule is null and (width is null or list_max(cells[width + 1:]) is null) and ${spec.columns.map(fastOk).join(' and ')}` : 'false'} as clean
  from f
),
-- Cells are blank together exactly when their concatenation is: one trim a row, not one a cell. The
-- tests sit in CASE branches so that, pushed down into fc by the optimizer, they still skip clean rows.
shaped as (
  select *,
    case when clean or width is null or cb_blank(array_to_string(cells[width + 1:], '')) then 0
      else len(list_filter(cells[width + 1:], x -> not cb_blank(x))) end as beyond
  from fc
  where not clean
),
s as (
  select * from shaped
  where case when clean then false
    else problem_rule is not null or beyond > 0 or not cb_blank(array_to_string(cells, '')) end
),
l1 as (select *, ${widened.join(',\n    ')} from s),
l1b as (select *, ${folded.join(',\n    ')} from l1),
l2 as (select *, ${prepared.join(',\n    ')} from l1b),
l3 as (select *, ${parsed.join(',\n    ')} from l2),
l4 as (select *, ${whole.join(',\n    ')} from l3),
p as (select *, ${checked.join(',\n    ')} from l4),
v as (
  select s.*,
    ${spec.columns.map((c) => `${valueOf(c)} as ${col('v', c)}`).join(',\n    ')},
    ${spec.columns
      .filter((c) => c.personal)
      .map((c) => `${col('hv', c)}.hash as ${col('h', c)}`)
      .concat(['1 as _'])
      .join(',\n    ')},
    list_filter([${spec.columns.map(problemOf).join(',\n      ')}], x -> x is not null) as cell_problems,
    ${rawCells} as raw_cells
  from p s
  ${hashJoins}
  union all by name
  select s.*,
    ${spec.columns.map((c) => `${valueOf(c, col('fv', c))} as ${col('v', c)}`).join(',\n    ')},
    []::struct("column" varchar, "rule" varchar, "reason" varchar)[] as cell_problems,
    s.cells as raw_cells,
    0 as beyond
  from fc s
  where clean
),
w as (
  select v.*, ${cross.derived.length ? cross.derived.join(', ') : '1 as __'}
  from v
),
c as (
  select w.*,
    case
      when problem_rule is not null then [{'column': '', 'rule': problem_rule, 'reason': problem_reason}]
      when beyond > 0 then [{'column': '', 'rule': 'extra_cells', 'reason': 'the row has ' || (width + beyond) || ' or more cells, the header ' || width || ': a value with an unquoted separator (such as 2,419) or a cell too many shifts every value after it; quote the value or fix the row'}]
      when len(cell_problems) > 0 then cell_problems
      else list_filter([${cross.problems.length ? cross.problems.join(',\n        ') : 'null'}], x -> x is not null)
    end as problems,
    problem_rule is not null or beyond > 0 as broken
  from w
)
select file_id, sheet, row_number, len(problems) = 0 as keep,
  ${final.join(',\n  ')},
  case when len(extras) > 0 then cb_cells_json(header, cells, extras) end as extras_json,
  list_transform(problems, p -> {'column': p.column, 'rule': p.rule, 'reason': ${reason}}) as problem_list,
  case when len(problems) = 0 then null when broken and ${personalDataset} then '{}' else cb_cells_json(header, raw_cells, picked) end as raw_json
from c
`;
  return { sql, params };
}

/**
 * A cell's value when it is in the plain form every parser reads the same way (digits as a cast
 * prints them back, an ISO date, an exact enum key or yes/no word, text without edge spaces or wide
 * characters) and within its bounds; null otherwise, and the cell takes the full parse. Casts and
 * list lookups cost a few nanoseconds a cell, the full parse microseconds; most cells are plain.
 */
function fastValue(c: ColumnSpec, t: string, n: number): string {
  const type = c.type;
  switch (type.kind) {
    case 'code':
      return `case when length(${t}) = $digits_${n} and lpad(try_cast(${t} as ubigint)::varchar, $digits_${n}, '0') = ${t} then ${t} end`;
    case 'text':
      return `case when ${t} <> '' and not cb_is_space(unicode(${t})) and not cb_is_space(unicode(right(${t}, 1)))
        and not cb_has_wide(${t}) then ${t} end`;
    case 'boolean':
      return `case when cb_yes(${t}) then true when cb_no(${t}) then false end`;
    case 'date':
      return `case when try_cast(${t} as date)::varchar = ${t} and year(try_cast(${t} as date)) between 1900 and 2200 then try_cast(${t} as date) end`;
    case 'year':
      return `case when try_cast(${t} as integer)::varchar = ${t} and try_cast(${t} as integer) between 1949 and $current_year then try_cast(${t} as double) end`;
    case 'integer':
    case 'number': {
      const plain =
        type.kind === 'integer'
          ? `try_cast(${t} as bigint)::varchar = ${t}`
          : `(try_cast(${t} as bigint)::varchar = ${t} or try_cast(${t} as double)::varchar = ${t})`;
      return `case when ${plain} and coalesce(try_cast(${t} as double) >= $min_${n}::double, true)
        and coalesce(try_cast(${t} as double) <= $max_${n}::double, true) then try_cast(${t} as double) end`;
    }
    case 'enum':
      return `($enum_values_${n}::varchar[])[list_position($enum_keys_${n}::varchar[], ${t})]`;
  }
}

function crossChecks(
  dataset: string,
  label: (name: string) => string,
  params: Record<string, DuckDBValue>,
): { derived: string[]; problems: string[] } {
  switch (dataset) {
    case 'communities':
      return {
        derived: [
          `case
            when try_cast(substr(v_community_code, 10, 3) as integer) between 1 and 199
              or try_cast(substr(v_community_code, 10, 3) as integer) between 400 and 499 then 'urban'
            when try_cast(substr(v_community_code, 10, 3) as integer) between 200 and 599 then 'rural'
          end as inferred_urban_rural`,
        ],
        problems: [
          `case when v_urban_rural is null and inferred_urban_rural is null then {'column': ${label('urban_rural')}, 'rule': 'urban_rural_unknown', 'reason': 'urban/rural not given and not readable from the code: ' || v_community_code} end`,
        ],
      };
    case 'facilities':
      return {
        derived: [],
        problems: [
          `case when v_facility_type = 'service_center' and v_present and v_floor_area_m2 is null then {'column': ${label('floor_area_m2')}, 'rule': 'missing_value', 'reason': 'missing value: required when a service centre is present'} end`,
        ],
      };
    case 'staff':
      return {
        derived: [],
        problems: [
          `case when v_hired_on::varchar > $today then {'column': ${label('hired_on')}, 'rule': 'future_date', 'reason': 'date in the future: ' || v_hired_on::varchar} end`,
          `case
            when v_left_on is not null and v_left_on < v_hired_on then {'column': ${label('left_on')}, 'rule': 'left_before_hired', 'reason': 'left before hired: left ' || v_left_on::varchar || ', hired ' || v_hired_on::varchar}
            when v_left_on is not null and v_left_on::varchar > $today then {'column': ${label('left_on')}, 'rule': 'future_date', 'reason': 'date in the future: ' || v_left_on::varchar}
          end`,
        ],
      };
    case 'funding':
      params.money_units = listValue(Object.keys(MONEY_UNITS));
      params.money_factors = listValue(Object.values(MONEY_UNITS));
      return {
        derived: [`coalesce(map($money_units::varchar[], $money_factors::double[])[v_unit], 1) as unit_factor`],
        problems: [
          `case when v_unit is not null and u_amount is not null and f_amount <> coalesce(map($money_units::varchar[], $money_factors::double[])[v_unit], 1) then {'column': ${label('unit')}, 'rule': 'unit_conflict', 'reason': 'unit ' || v_unit || ' contradicts the header ' || ${label('amount')}} end`,
        ],
      };
    default:
      return { derived: [], problems: [] };
  }
}
