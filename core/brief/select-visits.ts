import { median } from 'd3';
import { narrowestGroup } from '../../contract/indicators.ts';
import type { BriefCommunity } from './brief-community.ts';
import { compare } from './compare.ts';
import { COMPOSITE_MEASURES, compositeScores } from './composite-score.ts';

/** Why a community is on the visit list: one of the documented rules. */
export type VisitRule =
  | 'lagging_rural_no_industry'
  | 'worst_standards_failure'
  | 'leading_rural_industry'
  | 'typical_urban'
  | 'largest_improver'
  | 'highest_turnover';

/** A figure of a visited community beside the median of its group in the region. */
export interface VisitFigure {
  measure: string;
  value: number | null;
  groupMedian: number | null;
}

/** One suggested visit. */
export interface Visit {
  code: string;
  name: string;
  townshipCode: string;
  group: string;
  rule: VisitRule;
  score: number | undefined;
  failedStandards: string[];
  figures: VisitFigure[];
  /** How many communities the rule chose among (for the worst failure: those failing as many standards). */
  pool: number;
  /** The figure that sets the community apart within its group (furthest from the group median). */
  distinction: VisitFigure | null;
  /** The score of the previous year, for the largest improver (both years scored together). */
  before?: number;
  after?: number;
}

/** Whether a rule picks a community for doing well (its distinction is its best figure) or badly. */
const PICKS_BEST: Readonly<Record<VisitRule, 'best' | 'worst' | 'none'>> = {
  lagging_rural_no_industry: 'worst',
  worst_standards_failure: 'worst',
  leading_rural_industry: 'best',
  typical_urban: 'none',
  largest_improver: 'best',
  highest_turnover: 'worst',
};

/** The rules in the order they pick, each as documented in docs/brief.md. */
export const VISIT_RULES: readonly VisitRule[] = [
  'lagging_rural_no_industry',
  'worst_standards_failure',
  'leading_rural_industry',
  'typical_urban',
  'largest_improver',
  'highest_turnover',
];

const key = (r: BriefCommunity) => `${r.community_code}|${r.year}`;

/**
 * Chooses three to six communities to visit in a region and year, one per rule, never the same
 * community twice: the rural community without industry that lags most (lowest composite score),
 * the worst standards failure (most failed standards in scope, then lowest score), the rural
 * community with industry doing best, the most typical urban community (score nearest the urban
 * median), the largest improver since the previous year, and, when fewer than three were found, the
 * highest turnover. `failures` maps a community code to the standards it fails that year.
 */
export function selectVisits(
  rows: readonly BriefCommunity[],
  year: number,
  failures: ReadonlyMap<string, readonly string[]> = new Map(),
): Visit[] {
  const current = rows.filter((r) => r.year === year);
  const previous = rows.filter((r) => r.year === year - 1);
  const scores = compositeScores(current);
  // Scores over both years together, so a community's rank can be compared across them.
  const both = compositeScores([...current, ...previous].map((r) => ({ ...r, community_code: key(r) })));
  const score = (r: BriefCommunity) => scores.get(r.community_code);
  const byGroup = (g: string) => current.filter((r) => narrowestGroup(r) === g && score(r) !== undefined);
  const chosen: Visit[] = [];
  const taken = new Set<string>();
  const pick = (rule: VisitRule, candidates: BriefCommunity[], pool = candidates.length) => {
    const row = candidates.find((r) => !taken.has(r.community_code));
    if (!row) return undefined;
    taken.add(row.community_code);
    const visit = visitOf(row, rule, score(row), failures.get(row.community_code) ?? [], current, pool);
    chosen.push(visit);
    return visit;
  };
  const ascending = (a: BriefCommunity, b: BriefCommunity) =>
    score(a)! - score(b)! || a.community_code.localeCompare(b.community_code);

  pick('lagging_rural_no_industry', byGroup('rural_no_industry').sort(ascending));
  const failing = current
    .filter((r) => (failures.get(r.community_code)?.length ?? 0) > 0)
    .sort(
      (a, b) =>
        failures.get(b.community_code)!.length - failures.get(a.community_code)!.length ||
        (score(a) ?? 1) - (score(b) ?? 1) ||
        a.community_code.localeCompare(b.community_code),
    );
  const worst = failing.find((r) => !taken.has(r.community_code));
  const failedCount = (r: BriefCommunity) => failures.get(r.community_code)?.length ?? 0;
  // What sets the pick apart is its score among the communities failing as many standards.
  pick(
    'worst_standards_failure',
    failing,
    worst ? failing.filter((r) => failedCount(r) >= failedCount(worst)).length : 0,
  );
  pick(
    'leading_rural_industry',
    byGroup('rural_industry').sort((a, b) => ascending(b, a)),
  );
  const urban = byGroup('urban');
  const urbanMedian = median(urban.map(score));
  pick(
    'typical_urban',
    urban.sort(
      (a, b) =>
        Math.abs(score(a)! - urbanMedian!) - Math.abs(score(b)! - urbanMedian!) ||
        a.community_code.localeCompare(b.community_code),
    ),
  );
  const gain = (r: BriefCommunity) => {
    const now = both.get(key(r));
    const before = both.get(`${r.community_code}|${year - 1}`);
    return now === undefined || before === undefined ? undefined : now - before;
  };
  const improver = pick(
    'largest_improver',
    current
      .filter((r) => (gain(r) ?? 0) > 0)
      .sort((a, b) => gain(b)! - gain(a)! || a.community_code.localeCompare(b.community_code)),
    current.filter((r) => gain(r) !== undefined).length,
  );
  if (improver) {
    improver.before = both.get(`${improver.code}|${year - 1}`);
    improver.after = both.get(`${improver.code}|${year}`);
  }
  if (chosen.length < 3) {
    pick(
      'highest_turnover',
      current
        .filter((r) => (r.turnover_rate ?? 0) > 0)
        .sort((a, b) => b.turnover_rate! - a.turnover_rate! || a.community_code.localeCompare(b.community_code)),
    );
  }
  return chosen;
}

function visitOf(
  row: BriefCommunity,
  rule: VisitRule,
  score: number | undefined,
  failed: readonly string[],
  current: readonly BriefCommunity[],
  pool: number,
): Visit {
  const group = narrowestGroup(row);
  const peers = current.filter((r) => narrowestGroup(r) === group);
  const figures = COMPOSITE_MEASURES.map((m) => ({
    measure: m.id,
    value: m.value(row) ?? null,
    groupMedian: median(peers.map((p) => m.value(p))) ?? null,
  }));
  return {
    code: row.community_code,
    name: row.name,
    townshipCode: row.township_code,
    group,
    rule,
    score,
    failedStandards: [...failed],
    figures,
    pool,
    distinction: distinction(figures, PICKS_BEST[rule]),
  };
}

/**
 * The figure furthest from its group median in the direction the rule looks for: the worst one for a
 * community picked for lagging, the best for one picked for doing well. A median of 0 is measured on
 * the absolute difference, so a turnover of 30% against a median of 0% still counts.
 */
function distinction(figures: readonly VisitFigure[], look: 'best' | 'worst' | 'none'): VisitFigure | null {
  if (look === 'none') return null;
  let found: VisitFigure | null = null;
  let furthest = 0;
  for (const f of figures) {
    if (f.value === null || f.groupMedian === null) continue;
    const c = compare(f.measure, f.value, f.groupMedian);
    if (c.verdict !== (look === 'best' ? 'better' : 'worse')) continue;
    const distance = c.relative ?? Math.abs(f.value - f.groupMedian);
    if (distance > furthest) {
      furthest = distance;
      found = f;
    }
  }
  return found;
}
