import type { Indicator } from './indicators.ts';
import type { Level } from './region-level.ts';

// The shapes of the published files (docs/data-layout.md). Null is unknown, never zero.

/** data/current.json: the live version. */
export interface CurrentPointer {
  version: string;
  generated_at: string;
  synthetic: boolean;
  run_id?: string;
  /** A run-history file, when the pipeline names one. */
  runs?: string;
}

/** One indicator as the manifest labels it: the pipeline's own definition. */
export type IndicatorMeta = Indicator;

/** One threshold of a standard. */
export interface CheckMeta {
  indicator: string;
  min?: number;
  max?: number;
}

/** One reference standard (SPEC §5) as shipped with the version. */
export interface StandardMeta {
  id: string;
  level: 'community' | 'region';
  applies_to: 'all' | 'urban' | 'rural';
  checks: CheckMeta[];
  scope: string;
  zh: string;
  en: string;
  source: string;
}

/** A group of SPEC §4. */
export type GroupId = 'urban' | 'rural' | 'rural_industry' | 'rural_no_industry';

/** data/<version>/manifest.json. */
export interface Manifest {
  version: string;
  generated_at: string;
  synthetic: boolean;
  years: number[];
  communities: number;
  community_years: number;
  registry_version?: string;
  min_group_n: number;
  indicators: IndicatorMeta[];
  groups: GroupId[];
  gaps: Record<'urban_rural' | 'industry', { a: GroupId; b: GroupId }>;
  standards: StandardMeta[];
  downloads: Record<string, number>;
  shards: { files: number; bytes: number };
  runs?: string;
}

/** A region of regions.arrow (nation to township), or a community of a search shard. */
export interface RegionRow {
  level: Level;
  code: string;
  name: string;
  parent: string | null;
}

/** One row of gaps.arrow. */
export interface GapRow {
  level: Level;
  region_code: string;
  region_name: string;
  year: number;
  indicator: string;
  gap: 'urban_rural' | 'industry';
  value_a: number | null;
  value_b: number | null;
  n_a: number | null;
  n_b: number | null;
  diff: number | null;
  ratio: number | null;
  suppressed: boolean;
  diff_change_prev: number | null;
  diff_change_first: number | null;
}

/** One row of groups.arrow. */
export interface GroupRow {
  level: Level;
  region_code: string;
  year: number;
  indicator: string;
  group: GroupId;
  value: number | null;
  n: number;
}

/** One row of inequality.arrow. */
export interface InequalityRow {
  level: Level;
  region_code: string;
  year: number;
  indicator: string;
  n: number;
  mean: number | null;
  sd: number | null;
  cv: number | null;
  theil: number | null;
  theil_between: number | null;
  theil_within: number | null;
  between_share: number | null;
  gini: number | null;
}

/** One row of compliance.arrow. */
export interface ComplianceRow {
  standard_id: string;
  level: Level;
  region_code: string;
  year: number;
  in_scope: boolean;
  status: 'pass' | 'fail' | 'unknown' | null;
  value: number | null;
  n_pass: number;
  n_fail: number;
  n_unknown: number;
  share_pass: number | null;
}

/** One row of funding-sources.arrow. */
export interface FundingSourceRow {
  /** The region the sums are for: the shard's own region, or one of a county shard's townships. */
  region_code: string;
  year: number;
  urban_rural: 'urban' | 'rural';
  industry_group: 'rural_industry' | 'rural_no_industry' | null;
  source: string;
  category: string;
  amount: number;
  communities: number;
}

/** One community-year of a county's communities.arrow; indicator columns are looked up by id. */
export interface CommunityRow {
  community_code: string;
  year: number;
  name: string;
  urban_rural: 'urban' | 'rural';
  has_industry: boolean | null;
  industry_type: string | null;
  township_code: string;
  households: number | null;
  population: number | null;
  outside_registry: boolean;
  facilities_reported: boolean;
  headcount_end: number | null;
  funding_total: number | null;
  [measure: string]: unknown;
}

/** One row of community-compliance.arrow. */
export interface CommunityComplianceRow {
  standard_id: string;
  community_code: string;
  year: number;
  status: 'pass' | 'fail' | 'unknown';
  measured: string;
}

/** One file's accounting in quality.json. */
export interface QualityFile {
  dataset: string;
  path: string;
  format: string;
  encoding?: string;
  status: string;
  message?: string;
  rowsRead: number;
  rowsKept: number;
  rowsMerged: number;
  rowsQuarantined: number;
  extraColumns: string[];
}

/** One quarantined row in quality.json (without its cells). */
export interface QuarantineRow {
  dataset: string;
  file: string;
  sheet: string | null;
  row_number: number | null;
  column_name: string | null;
  rule: string;
  reason: string;
}

/** Why a path under the inbox was not read (the quality page words each one in both languages). */
export type SkipReason =
  | 'root_file'
  | 'inbox_manifest'
  | 'not_dataset_folder'
  | 'unsupported_format'
  | 'old_excel'
  | 'office_lock'
  | 'hidden'
  | 'symlink_loop'
  | 'broken_link'
  | 'not_a_file';

/** A path under the inbox that the run did not read, and why. */
export interface SkippedPath {
  /** Relative to the inbox, '/'-separated; a folder ends with '/'. */
  path: string;
  reason: SkipReason;
}

/** data/<version>/quality.json. */
export interface QualityReport {
  files: QualityFile[];
  skipped: SkippedPath[];
  totals: { rows_read: number; rows_kept: number; rows_quarantined: number };
  quarantined_by_rule: { dataset: string; rule: string; rows: number }[];
  quarantine: QuarantineRow[];
  runs?: Record<string, unknown>[];
}
