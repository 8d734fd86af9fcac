import { median } from 'd3';
import { INDICATORS, narrowestGroup } from '../../contract/indicators.ts';
import type { Standard } from '../../contract/standard.ts';
import type { BriefModel, Compared, Problem, RankedGap } from './brief-model.ts';
import type { CommunityComplianceRow, ComplianceRow, GapRow, GroupRow } from '../../contract/published-types.ts';
import type { BriefCommunity } from './brief-community.ts';
import { selectVisits } from './select-visits.ts';

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
  /** Group values of the region and its peers (same level, same parent), all years. */
  groups: readonly GroupRow[];
  /** Gaps of the region and its peers, all years. */
  gaps: readonly GapRow[];
  /** The region's Theil between-group share of funding per household, by year. */
  theilBetweenShare: ReadonlyMap<number, number | null>;
  regionCompliance: readonly ComplianceRow[];
  communityCompliance: readonly CommunityComplianceRow[];
  standards: readonly Standard[];
  townships: ReadonlyMap<string, string>;
}

const better = (indicator: string) => INDICATORS.find((i) => i.id === indicator)?.better ?? 'higher';

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
      const lag = (g: GapRow) => (g.diff === null ? null : better(indicator) === 'higher' ? g.diff : -g.diff);
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

function problems(inputs: BriefInputs, current: readonly BriefCommunity[]): Problem[] {
  const { region, year, standards } = inputs;
  const found: Problem[] = [];
  const standard = (id: string) => standards.find((s) => s.id === id);
  for (const row of inputs.regionCompliance) {
    if (row.region_code !== region.code || row.year !== year || !row.in_scope) continue;
    const s = standard(row.standard_id);
    if (!s) continue;
    if (s.level === 'region' && row.status === 'fail') {
      found.push({
        kind: 'standard_failed',
        subject: s.id,
        evidence: s.zh,
        value: row.value,
        reference: s.checks[0]?.min ?? s.checks[0]?.max ?? null,
        source: s.source,
      });
    }
    if (s.level === 'community' && (row.n_fail ?? 0) > 0) {
      const failing = inputs.communityCompliance
        .filter((c) => c.standard_id === s.id && c.year === year && c.status === 'fail')
        .map((c) => c.community_code);
      found.push({
        kind: 'standard_failed',
        subject: s.id,
        evidence: s.zh,
        value: row.n_fail,
        reference: (row.n_pass ?? 0) + (row.n_fail ?? 0) + (row.n_unknown ?? 0),
        source: s.source,
        communities: failing,
      });
    }
  }
  for (const indicator of BRIEF_INDICATORS) {
    for (const group of ['urban', 'rural'] as const) {
      const c = compared(inputs, indicator, group);
      if (c.value === null || c.peerMedian === null || c.peerMedian === 0) continue;
      const worse =
        better(indicator) === 'higher'
          ? c.value < c.peerMedian * (1 - PEER_MARGIN)
          : c.value > c.peerMedian * (1 + PEER_MARGIN);
      if (worse)
        found.push({
          kind: 'below_peers',
          subject: `${indicator}:${group}`,
          evidence: indicator,
          value: c.value,
          reference: c.peerMedian,
        });
    }
  }
  const hot = current
    .filter((r) => (r.turnover_rate ?? 0) >= TURNOVER_HOTSPOT)
    .sort((a, b) => b.turnover_rate! - a.turnover_rate!);
  if (hot.length > 0) {
    found.push({
      kind: 'turnover_hotspot',
      subject: 'turnover_rate',
      evidence: `turnover ≥ ${TURNOVER_HOTSPOT}`,
      value: hot.length,
      reference: TURNOVER_HOTSPOT,
      communities: hot.map((r) => r.community_code),
    });
  }
  // Funding guarantees: the work-funds floors of the shipped standards, whether or not their scope covers the region.
  const floor = standards
    .flatMap((s) =>
      s.checks.filter((c) => c.indicator === 'work_funds' && c.min !== undefined).map((c) => ({ s, min: c.min! })),
    )
    .filter(({ s }) => s.applies_to === 'all')
    .sort((a, b) => a.min - b.min)[0];
  if (floor) {
    const short = current.filter((r) => r.work_funds !== null && r.work_funds < floor.min);
    if (short.length > 0) {
      found.push({
        kind: 'funding_below_guarantee',
        subject: 'work_funds',
        evidence: floor.s.zh,
        value: short.length,
        reference: floor.min,
        source: floor.s.source,
        communities: short.map((r) => r.community_code),
      });
    }
  }
  const uninsured = current.filter((r) => r.insured_share !== null && r.insured_share < 1);
  // Where the insurance standard already failed, the same workers are not listed twice.
  if (uninsured.length > 0 && !found.some((p) => p.kind === 'standard_failed' && p.subject === 'insurance')) {
    found.push({
      kind: 'uninsured_workers',
      subject: 'insured_share',
      evidence: standard('insurance')?.zh ?? 'insurance',
      value: uninsured.length,
      reference: median(uninsured.map((r) => r.insured_share)) ?? null,
      ...(standard('insurance') ? { source: standard('insurance')!.source } : {}),
      communities: uninsured.map((r) => r.community_code),
    });
  }
  const reportedBefore = new Set(inputs.communities.filter((r) => r.year < year).map((r) => r.township_code));
  const reportedNow = new Set(current.map((r) => r.township_code));
  const missingTownships = [...reportedBefore].filter((t) => !reportedNow.has(t)).sort();
  const unreported = current.filter((r) => !r.facilities_reported);
  if (missingTownships.length > 0 || unreported.length > 0) {
    found.push({
      kind: 'missing_data',
      subject: 'reporting',
      evidence: `${missingTownships.length} townships without data this year; ${unreported.length} communities without facility reports`,
      value: unreported.length,
      reference: current.length,
      communities: missingTownships,
    });
  }
  return found;
}

/** Builds the inspection brief of a city or county for a year from the published rows (pure). */
export function buildBrief(inputs: BriefInputs): BriefModel {
  const { year } = inputs;
  const current = inputs.communities.filter((r) => r.year === year);
  const count = (g: string) => current.filter((r) => narrowestGroup(r) === g).length;
  const sum = (f: (r: BriefCommunity) => number | null) => current.reduce((s, r) => s + (f(r) ?? 0), 0);
  const target = (group: 'urban' | 'rural') =>
    inputs.standards.find(
      (s) =>
        s.level === 'region' && s.applies_to === group && s.checks.some((c) => c.indicator === 'cov_service_center'),
    );
  const failures = new Map<string, string[]>();
  for (const c of inputs.communityCompliance) {
    if (c.year !== year || c.status !== 'fail') continue;
    if (!failures.has(c.community_code)) failures.set(c.community_code, []);
    failures.get(c.community_code)!.push(c.standard_id);
  }
  return {
    region: inputs.region,
    year,
    firstYear: Math.min(...inputs.years),
    synthetic: inputs.synthetic,
    generatedAt: inputs.generatedAt,
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
        targetSource: target(group)?.source ?? null,
      })),
    },
    gaps: rankedGaps(inputs),
    theilBetweenShare: inputs.theilBetweenShare.get(year) ?? null,
    problems: problems(inputs, current),
    visits: selectVisits(inputs.communities, year, failures).map((v) => ({
      ...v,
      townshipName: inputs.townships.get(v.townshipCode) ?? v.townshipCode,
    })),
  };
}
