import type { GapRow } from '../../contract/published-types.ts';

/** Which side of a gap has no communities at all in its region and year. */
export type EmptySide = 'a' | 'b' | 'both';

/** A gap row that knows whether one of its groups is empty (rather than merely small). */
export interface MemberGapRow extends GapRow {
  empty?: EmptySide | null;
}

/**
 * Marks the gaps whose group has no communities at all, so that 无农村社区 is said instead of 样本不足.
 * A group's n counts the communities with a value of one indicator; a group that has no value for
 * any indicator of its region and year has no members. The rows must hold every indicator of the
 * regions they are for (as a gaps shard does), or an unreported indicator would read as no members.
 */
export function withEmptyGroups(rows: readonly GapRow[]): MemberGapRow[] {
  const most = new Map<string, { a: number; b: number }>();
  const key = (r: GapRow) => `${r.level}|${r.region_code}|${r.year}|${r.gap}`;
  for (const r of rows) {
    const m = most.get(key(r)) ?? { a: 0, b: 0 };
    m.a = Math.max(m.a, r.n_a ?? 0);
    m.b = Math.max(m.b, r.n_b ?? 0);
    most.set(key(r), m);
  }
  return rows.map((r) => {
    const m = most.get(key(r))!;
    const empty: EmptySide | null = m.a === 0 && m.b === 0 ? 'both' : m.a === 0 ? 'a' : m.b === 0 ? 'b' : null;
    return { ...r, empty };
  });
}
