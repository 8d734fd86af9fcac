import type { GapId } from '../../contract/indicators.ts';
import type { Visit } from './select-visits.ts';

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

/** One problem found, with the figure that shows it and, for a standard, where the standard comes from. */
export interface Problem {
  kind:
    | 'standard_failed'
    | 'below_peers'
    | 'turnover_hotspot'
    | 'funding_below_guarantee'
    | 'uninsured_workers'
    | 'missing_data';
  subject: string;
  evidence: string;
  value: number | null;
  reference: number | null;
  source?: string;
  communities?: string[];
}

/** Everything a brief shows, in the order of its sections (基本情况 / 城乡差距 / 存在问题 / 建议视察点位 / 数据说明). */
export interface BriefModel {
  region: { code: string; name: string; level: 'city' | 'county'; parentName: string | null };
  year: number;
  firstYear: number;
  synthetic: boolean;
  generatedAt: string;
  basics: {
    communities: { urban: number; rural: number; ruralIndustry: number; ruralNoIndustry: number; ruralUnknown: number };
    households: number;
    population: number;
    workers: number;
    coverage: { group: 'urban' | 'rural'; compared: Compared; target: number | null; targetSource: string | null }[];
  };
  gaps: RankedGap[];
  theilBetweenShare: number | null;
  problems: Problem[];
  visits: (Visit & { townshipName: string })[];
}
