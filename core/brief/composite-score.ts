import type { BriefCommunity } from './brief-community.ts';
import { facilityCount } from './facility-score.ts';

/** The measures that make up how well a community is served, each with its better direction. */
export const COMPOSITE_MEASURES: readonly {
  id: string;
  better: 'higher' | 'lower';
  value: (r: BriefCommunity) => number | null | undefined;
}[] = [
  { id: 'facilities', better: 'higher', value: facilityCount },
  { id: 'satisfaction', better: 'higher', value: (r) => r.satisfaction },
  { id: 'staff_per_1000hh', better: 'higher', value: (r) => r.staff_per_1000hh },
  { id: 'funding_per_household', better: 'higher', value: (r) => r.funding_per_household },
  { id: 'turnover_rate', better: 'lower', value: (r) => r.turnover_rate },
];

/**
 * A composite score in [0, 1] per community: the mean over the measures it has of its percentile rank
 * among the given communities (ties share the mean rank; 1 is best). Undefined for a community with
 * fewer than two measures known, so a score never rests on one figure.
 */
export function compositeScores(rows: readonly BriefCommunity[]): Map<string, number> {
  const ranks = new Map<string, number[]>();
  for (const measure of COMPOSITE_MEASURES) {
    const known = rows
      .map((r) => ({ code: r.community_code, v: measure.value(r) }))
      .filter((x): x is { code: string; v: number } => x.v !== null && x.v !== undefined && !Number.isNaN(x.v));
    if (known.length < 2) continue;
    const sorted = [...known].sort((a, b) => (measure.better === 'higher' ? a.v - b.v : b.v - a.v));
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1]!.v === sorted[i]!.v) j++;
      const rank = (i + j) / 2 / (sorted.length - 1);
      for (let k = i; k <= j; k++) {
        const code = sorted[k]!.code;
        if (!ranks.has(code)) ranks.set(code, []);
        ranks.get(code)!.push(rank);
      }
      i = j + 1;
    }
  }
  const scores = new Map<string, number>();
  for (const [code, list] of ranks)
    if (list.length >= 2) scores.set(code, list.reduce((a, b) => a + b, 0) / list.length);
  return scores;
}
