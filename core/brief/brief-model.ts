import type { GapId } from '../../contract/indicators.ts';
import type { QuestionId } from './visit-questions.ts';
import type { Visit } from './select-visits.ts';

/**
 * Which regions a figure is compared with: the other regions of the same level under the same parent,
 * else (too few of them) those of the same province, else of the whole nation.
 */
export type PeerScope = 'parent' | 'province' | 'nation';

/** A figure with its comparisons: last year, the first year, and the median of the peer regions. */
export interface Compared {
  value: number | null;
  n: number;
  previous: number | null;
  first: number | null;
  peerMedian: number | null;
}

/** A gap of the region with its rank among peers (1 = the widest gap) and its trend. */
export interface RankedGap {
  indicator: string;
  gap: GapId;
  valueA: number | null;
  valueB: number | null;
  nA: number;
  nB: number;
  diff: number | null;
  suppressed: boolean;
  rank: number | null;
  peers: number;
  changePrevious: number | null;
}

/**
 * One problem found. A standard is a problem only inside its scope (its basis, 依据, is then
 * `standardId`); `total` is how many communities the count `value` is out of, `unknown` how many of
 * those have no data for it.
 */
export type Problem =
  | {
      kind: 'standard_failed';
      standardId: string;
      level: 'community' | 'region';
      value: number | null;
      reference: number | null;
      total?: number;
      unknown?: number;
      communities?: string[];
    }
  | { kind: 'below_peers'; indicator: string; group: 'urban' | 'rural'; value: number; reference: number }
  | { kind: 'turnover_hotspot'; value: number; total: number; reference: number; communities: string[] }
  | { kind: 'missing_data'; townships: string[]; unreported: number; total: number };

/** How the region would fare under a standard whose scope does not cover it (参照, never a 问题). */
export interface Reference {
  standardId: string;
  /** The region code of the place the standard comes from (its scope). */
  scope: string;
  failing: number;
  total: number;
  unknown: number;
}

/** A visit with its township's name and the questions to ask there. */
export type PlannedVisit = Visit & { townshipName: string; questions: QuestionId[] };

/** Visits of one township, done in one trip. */
export interface TownshipStop {
  townshipCode: string;
  townshipName: string;
  visits: PlannedVisit[];
}

/** Everything a brief shows, in the order of its sections (基本情况 / 城乡差距 / 存在问题 / 建议视察点位 / 数据说明). */
export interface BriefModel {
  region: { code: string; name: string; level: 'province' | 'city' | 'county'; parentName: string | null };
  /** The data year the brief describes. */
  year: number;
  firstYear: number;
  synthetic: boolean;
  /** When the data was published (not the period it describes). */
  generatedAt: string;
  peerScope: PeerScope;
  /** How many other regions the peer medians and ranks are drawn from. */
  peerCount: number;
  basics: {
    communities: { urban: number; rural: number; ruralIndustry: number; ruralNoIndustry: number; ruralUnknown: number };
    households: number;
    population: number;
    workers: number;
    coverage: { group: 'urban' | 'rural'; compared: Compared; target: number | null; targetStandard: string | null }[];
  };
  gaps: RankedGap[];
  theilBetweenShare: number | null;
  problems: Problem[];
  references: Reference[];
  /** The visits grouped by township, in the order of their first visit. */
  plan: TownshipStop[];
}
