/** A community-year as the county shard `communities.arrow` publishes it (null is unknown). */
export interface CommunityRow {
  community_code: string;
  year: number;
  name: string;
  urban_rural: 'urban' | 'rural' | null;
  has_industry: boolean | null;
  township_code: string;
  households: number | null;
  population: number | null;
  facilities_reported: boolean | null;
  cov_service_center: number | null;
  cov_elder_daycare: number | null;
  cov_elder_home: number | null;
  cov_health_room: number | null;
  cov_culture_room: number | null;
  cov_library: number | null;
  cov_fitness: number | null;
  cov_smart_platform: number | null;
  service_center_ok: number | null;
  funding_per_household: number | null;
  work_funds: number | null;
  headcount_end: number | null;
  staff_per_1000hh: number | null;
  turnover_rate: number | null;
  median_wage: number | null;
  insured_share: number | null;
  satisfaction: number | null;
}

/** A group value row (groups shard). */
export interface GroupRow {
  level: string;
  region_code: string;
  year: number;
  indicator: string;
  group: string;
  value: number | null;
  n: number;
}

/** A gap row (gaps shard). */
export interface GapRow {
  level: string;
  region_code: string;
  region_name: string | null;
  year: number;
  indicator: string;
  gap: 'urban_rural' | 'industry';
  value_a: number | null;
  value_b: number | null;
  n_a: number;
  n_b: number;
  diff: number | null;
  ratio: number | null;
  suppressed: boolean;
}

/** A community standard outcome (community-compliance shard). */
export interface CommunityComplianceRow {
  standard_id: string;
  community_code: string;
  year: number;
  status: 'pass' | 'fail' | 'unknown';
  measured: string | null;
}

/** A region standard outcome or summary (compliance shard). */
export interface RegionComplianceRow {
  standard_id: string;
  level: string;
  region_code: string;
  year: number;
  in_scope: boolean;
  status: 'pass' | 'fail' | 'unknown' | null;
  value: number | null;
  n_pass: number | null;
  n_fail: number | null;
  n_unknown: number | null;
  share_pass: number | null;
}

/** The community's group: urban, rural with or without industry, or rural of unknown industry. */
export function groupOf(row: Pick<CommunityRow, 'urban_rural' | 'has_industry'>): string {
  if (row.urban_rural === 'urban') return 'urban';
  if (row.urban_rural !== 'rural') return 'unknown';
  if (row.has_industry === true) return 'rural_industry';
  if (row.has_industry === false) return 'rural_no_industry';
  return 'rural';
}
