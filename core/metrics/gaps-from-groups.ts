import type { GapId, GroupId } from '../../contract/indicators.ts';
import type { GapRow, GroupRow } from '../../contract/published-types.ts';
import { LEVELS } from '../../contract/region-level.ts';

/** What the gaps follow from, as the manifest states it. */
export interface GapRules {
  /** Each gap's two groups: diff = a − b. */
  gaps: Readonly<Record<GapId, { readonly a: GroupId; readonly b: GroupId }>>;
  /** A gap whose smaller n is below this is suppressed. */
  min_group_n: number;
}

type GroupKey = Pick<GroupRow, 'level' | 'region_code' | 'year' | 'indicator'>;
const cellKey = (r: GroupKey) => `${r.level}|${r.region_code}|${r.year}|${r.indicator}`;

/**
 * The gaps of every region, year and indicator of some group rows, as the pipeline's gap model
 * computes them (pipeline/models/marts/gaps.sql): a gap where either group has a row, n 0 for a group
 * without one, suppressed when the smaller n is below min_group_n (then no diff or ratio), no ratio
 * when b is 0, and the diff's changes since the previous published year and since the first year with
 * a diff. The same float operations as DuckDB's give the downloads' digits. Ordered as a shard is: by
 * level, region, indicator, gap and year.
 */
export function gapsFromGroups(
  groups: readonly GroupRow[],
  rules: GapRules,
  regionName: (level: GroupRow['level'], code: string) => string | null,
): GapRow[] {
  const cells = new Map<string, { key: GroupKey; values: Map<GroupId, GroupRow> }>();
  for (const row of groups) {
    const k = cellKey(row);
    let cell = cells.get(k);
    if (!cell) cells.set(k, (cell = { key: row, values: new Map() }));
    cell.values.set(row.group, row);
  }
  const gaps: Omit<GapRow, 'diff_change_prev' | 'diff_change_first'>[] = [];
  for (const { key, values } of cells.values()) {
    for (const [gap, pair] of Object.entries(rules.gaps) as [GapId, GapRules['gaps'][GapId]][]) {
      const a = values.get(pair.a);
      const b = values.get(pair.b);
      if (!a && !b) continue;
      const value_a = a?.value ?? null;
      const value_b = b?.value ?? null;
      const n_a = a?.n ?? 0;
      const n_b = b?.n ?? 0;
      const suppressed = Math.min(n_a, n_b) < rules.min_group_n;
      const known = !suppressed && value_a !== null && value_b !== null;
      gaps.push({
        level: key.level,
        region_code: key.region_code,
        region_name: regionName(key.level, key.region_code),
        year: key.year,
        indicator: key.indicator,
        gap,
        value_a,
        value_b,
        n_a,
        n_b,
        diff: known ? value_a - value_b : null,
        ratio: known && value_b !== 0 ? value_a / value_b : null,
        suppressed,
      });
    }
  }
  const order = (x: (typeof gaps)[number]) => [LEVELS.indexOf(x.level), x.region_code, x.indicator, x.gap] as const;
  gaps.sort((x, y) => {
    const [p, q] = [order(x), order(y)];
    for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return p[i]! < q[i]! ? -1 : 1;
    return x.year - y.year;
  });
  const out: GapRow[] = [];
  let series = '';
  let previous: number | null = null;
  let first: number | null = null;
  for (const row of gaps) {
    const s = order(row).join('|');
    if (s !== series) [series, previous, first] = [s, null, null];
    const { diff } = row;
    first ??= diff;
    out.push({
      ...row,
      diff_change_prev: diff !== null && previous !== null ? diff - previous : null,
      diff_change_first: diff !== null && first !== null ? diff - first : null,
    });
    previous = diff;
  }
  return out;
}
