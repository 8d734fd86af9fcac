import { median } from 'd3';
import type { Standard } from '../../contract/standard.ts';
import type {
  BriefModel,
  Compared,
  PeerScope,
  PlannedVisit,
  Problem,
  RankedGap,
  Reference,
  TownshipStop,
} from './brief-model.ts';
import type { CommunityComplianceRow, ComplianceRow, GapRow, GroupRow } from '../../contract/published-types.ts';
import { narrowestGroup } from '../../contract/indicators.ts';
import type { BriefCommunity } from './brief-community.ts';
import { betterDirection, compare } from './compare.ts';
import { selectVisits } from './select-visits.ts';
import { visitQuestions } from './visit-questions.ts';
import { inScope } from '../standards/evaluate-standard.ts';

/** The indicators a brief compares across regions, in the order it lists them. */
export const BRIEF_INDICATORS = [
  'cov_service_center',
  'service_center_ok',
  'funding_per_household',
  'staff_per_1000hh',
  'turnover_rate',
  'median_wage',
  'insured_share',
  'satisfaction',
] as const;

/** How far worse than the peer median (relative) an indicator must be to count as a problem. */
export const PEER_MARGIN = 0.1;
/** A community with at least this turnover in the year is a hot spot. */
export const TURNOVER_HOTSPOT = 0.25;

/** What a brief is built from: the published rows of the region, its peers and its communities. */
export interface BriefInputs {
  region: BriefModel['region'];
  year: number;
  years: readonly number[];
  synthetic: boolean;
  generatedAt: string;
  /** Every community-year of the region (all years). */
  communities: readonly BriefCommunity[];
  /** Which peers `groups` and `gaps` hold besides the region itself (see peerRegionCount). */
  peerScope: PeerScope;
  /** Group values of the region and its peers (same level), all years. */
  groups: readonly GroupRow[];
  /** Gaps of the region and its peers, all years. */
  gaps: readonly GapRow[];
  /** The region's Theil between-group share of funding per household, by year. */
  theilBetweenShare: ReadonlyMap<number, number | null>;
  regionCompliance: readonly ComplianceRow[];
  /** Community outcomes of the standards in scope. */
  communityCompliance: readonly CommunityComplianceRow[];
  standards: readonly Standard[];
  townships: ReadonlyMap<string, string>;
}

/** The fewest other regions that make a peer median and a rank worth stating. */
export const MIN_PEERS = 2;

/** How many other regions of the region's level have group values in the year: enough peers or not. */
export function peerRegionCount(
  groups: readonly Pick<GroupRow, 'level' | 'region_code' | 'year'>[],
  region: { code: string; level: string },
  year: number,
): number {
  return new Set(
    groups
      .filter((g) => g.level === region.level && g.year === year && g.region_code !== region.code)
      .map((g) => g.region_code),
  ).size;
}

function compared(inputs: BriefInputs, indicator: string, group: string): Compared {
  const { region, year, years } = inputs;
  const own = (y: number) =>
    inputs.groups.find(
      (g) => g.region_code === region.code && g.year === y && g.indicator === indicator && g.group === group,
    );
  const peers = inputs.groups.filter(
    (g) =>
      g.region_code !== region.code &&
      g.level === region.level &&
      g.year === year &&
      g.indicator === indicator &&
      g.group === group,
  );
  const first = Math.min(...years);
  return {
    value: own(year)?.value ?? null,
    n: own(year)?.n ?? 0,
    previous: own(year - 1)?.value ?? null,
    first: first < year ? (own(first)?.value ?? null) : null,
    peerMedian: median(peers.map((p) => p.value)) ?? null,
  };
}

function rankedGaps(inputs: BriefInputs): RankedGap[] {
  const { region, year } = inputs;
  const out: RankedGap[] = [];
  for (const indicator of BRIEF_INDICATORS) {
    for (const gap of ['urban_rural', 'industry'] as const) {
      const rows = inputs.gaps.filter(
        (g) => g.year === year && g.indicator === indicator && g.gap === gap && g.level === region.level,
      );
      const own = rows.find((g) => g.region_code === region.code);
      if (!own) continue;
      // Rural lagging is a positive diff for higher-is-better indicators and a negative one otherwise.
      const lag = (g: GapRow) => (g.diff === null ? null : betterDirection(indicator) === 'higher' ? g.diff : -g.diff);
      const ranked = rows.filter((g) => lag(g) !== null).sort((a, b) => lag(b)! - lag(a)!);
      const index = ranked.findIndex((g) => g.region_code === region.code);
      const previous = inputs.gaps.find(
        (g) => g.region_code === region.code && g.year === year - 1 && g.indicator === indicator && g.gap === gap,
      );
      out.push({
        indicator,
        gap,
        valueA: own.value_a,
        valueB: own.value_b,
        nA: own.n_a,
        nB: own.n_b,
        diff: own.diff,
        suppressed: own.suppressed,
        rank: index >= 0 ? index + 1 : null,
        peers: ranked.length,
        changePrevious: own.diff !== null && previous?.diff != null ? own.diff - previous.diff : null,
      });
    }
  }
  return out;
}

/** Only standards whose scope covers the region are its basis; the others are references (参照). */
function standardFindings(inputs: BriefInputs): { problems: Problem[]; references: Reference[] } {
  const { region, year, standards } = inputs;
  const problems: Problem[] = [];
  const references: Reference[] = [];
  for (const row of inputs.regionCompliance) {
    if (row.region_code !== region.code || row.year !== year) continue;
    const s = standards.find((x) => x.id === row.standard_id);
    if (!s) continue;
    const total = (row.n_pass ?? 0) + (row.n_fail ?? 0) + (row.n_unknown ?? 0);
    // The published flag and the standard's own scope must agree: a standard edited to another scope
    // after publication is not a basis.
    if (!row.in_scope || !inScope(s, region.code)) {
      if (s.level === 'community' && (row.n_fail ?? 0) > 0)
        references.push({ standardId: s.id, scope: s.scope, failing: row.n_fail!, total, unknown: row.n_unknown ?? 0 });
      continue;
    }
    if (s.level === 'region' && row.status === 'fail') {
      problems.push({
        kind: 'standard_failed',
        standardId: s.id,
        level: 'region',
        value: row.value,
        reference: s.checks[0]?.min ?? s.checks[0]?.max ?? null,
      });
    }
    if (s.level === 'community' && (row.n_fail ?? 0) > 0) {
      problems.push({
        kind: 'standard_failed',
        standardId: s.id,
        level: 'community',
        value: row.n_fail,
        reference: null,
        total,
        unknown: row.n_unknown ?? 0,
        communities: inputs.communityCompliance
          .filter((c) => c.standard_id === s.id && c.year === year && c.status === 'fail')
          .map((c) => c.community_code)
          .sort(),
      });
    }
  }
  return { problems, references };
}

function problems(inputs: BriefInputs, current: readonly BriefCommunity[]): Problem[] {
  const { year } = inputs;
  const found: Problem[] = [];
  for (const indicator of BRIEF_INDICATORS) {
    for (const group of ['urban', 'rural'] as const) {
      const c = compared(inputs, indicator, group);
      if (c.value === null || c.peerMedian === null || c.peerMedian === 0) continue;
      const { verdict, relative } = compare(indicator, c.value, c.peerMedian);
      if (verdict === 'worse' && (relative ?? 0) > PEER_MARGIN)
        found.push({ kind: 'below_peers', indicator, group, value: c.value, reference: c.peerMedian });
    }
  }
  const hot = current
    .filter((r) => (r.turnover_rate ?? 0) >= TURNOVER_HOTSPOT)
    .sort((a, b) => b.turnover_rate! - a.turnover_rate! || a.community_code.localeCompare(b.community_code));
  if (hot.length > 0) {
    found.push({
      kind: 'turnover_hotspot',
      value: hot.length,
      total: current.filter((r) => r.turnover_rate !== null).length,
      reference: TURNOVER_HOTSPOT,
      communities: hot.map((r) => r.community_code),
    });
  }
  const reportedBefore = new Set(inputs.communities.filter((r) => r.year < year).map((r) => r.township_code));
  const reportedNow = new Set(current.map((r) => r.township_code));
  const missingTownships = [...reportedBefore].filter((t) => !reportedNow.has(t)).sort();
  const unreported = current.filter((r) => !r.facilities_reported);
  if (missingTownships.length > 0 || unreported.length > 0) {
    found.push({
      kind: 'missing_data',
      townships: missingTownships,
      unreported: unreported.length,
      total: current.length,
    });
  }
  return found;
}

/** Visits grouped by township so each trip covers one township, in the order of the first visit there. */
function plan(visits: readonly PlannedVisit[]): TownshipStop[] {
  const stops: TownshipStop[] = [];
  for (const v of visits) {
    let stop = stops.find((s) => s.townshipCode === v.townshipCode);
    if (!stop) stops.push((stop = { townshipCode: v.townshipCode, townshipName: v.townshipName, visits: [] }));
    stop.visits.push(v);
  }
  return stops;
}

/** Builds the inspection brief of a province, city or county for a year from the published rows (pure). */
export function buildBrief(inputs: BriefInputs): BriefModel {
  const { year } = inputs;
  const current = inputs.communities.filter((r) => r.year === year);
  const count = (g: string) => current.filter((r) => narrowestGroup(r) === g).length;
  const sum = (f: (r: BriefCommunity) => number | null) => current.reduce((s, r) => s + (f(r) ?? 0), 0);
  const target = (group: 'urban' | 'rural') =>
    inputs.standards.find(
      (s) =>
        s.level === 'region' &&
        s.applies_to === group &&
        inScope(s, inputs.region.code) &&
        s.checks.some((c) => c.indicator === 'cov_service_center'),
    );
  const failures = new Map<string, string[]>();
  for (const c of inputs.communityCompliance) {
    if (c.year !== year || c.status !== 'fail') continue;
    if (!failures.has(c.community_code)) failures.set(c.community_code, []);
    failures.get(c.community_code)!.push(c.standard_id);
  }
  const standardFound = standardFindings(inputs);
  const visits = selectVisits(inputs.communities, year, failures).map((v) => ({
    ...v,
    townshipName: inputs.townships.get(v.townshipCode) ?? v.townshipCode,
    questions: visitQuestions(v),
  }));
  return {
    region: inputs.region,
    year,
    firstYear: Math.min(...inputs.years),
    synthetic: inputs.synthetic,
    generatedAt: inputs.generatedAt,
    peerScope: inputs.peerScope,
    peerCount: peerRegionCount(inputs.groups, inputs.region, year),
    basics: {
      communities: {
        urban: count('urban'),
        rural: current.filter((r) => r.urban_rural === 'rural').length,
        ruralIndustry: count('rural_industry'),
        ruralNoIndustry: count('rural_no_industry'),
        ruralUnknown: count('rural'),
      },
      households: sum((r) => r.households),
      population: sum((r) => r.population),
      workers: sum((r) => r.headcount_end),
      coverage: (['urban', 'rural'] as const).map((group) => ({
        group,
        compared: compared(inputs, 'cov_service_center', group),
        target: target(group)?.checks.find((c) => c.indicator === 'cov_service_center')?.min ?? null,
        targetStandard: target(group)?.id ?? null,
      })),
    },
    gaps: rankedGaps(inputs),
    theilBetweenShare: inputs.theilBetweenShare.get(year) ?? null,
    problems: [...standardFound.problems, ...problems(inputs, current)],
    references: standardFound.references,
    plan: plan(visits),
  };
}
