import {
  COMMUNITY_MEASURES,
  GAPS,
  GROUPS,
  INDICATORS,
  INDUSTRY_GROUPS,
  URBAN_RURAL,
  type GapId,
  type GroupId,
  type Indicator,
  type IndicatorId,
} from './indicators.ts';
import { LEVELS } from './region-level.ts';
import { col, type PlainColumn, type RowOf, type ShardColumns } from './shard-columns.ts';
import { STATUSES, type Standard } from './standard.ts';

// The shapes of the published files (docs/data-layout.md), written by pipeline/publish and read by the
// dashboard and the brief. Null is unknown, never zero.

/** data/current.json: the live version. */
export interface CurrentPointer {
  version: string;
  generated_at: string;
  synthetic: boolean;
  run_id?: string;
  /** A run-history file, when the pipeline names one. */
  runs?: string;
  /** The version that was live before a rollback switched to this one. */
  rolled_back_from?: string | null;
}

/** data/<version>/manifest.json: what the version holds, and the catalogue it was computed with. */
export interface Manifest {
  version: string;
  generated_at: string;
  synthetic: boolean;
  years: number[];
  communities: number;
  community_years: number;
  registry_version: string | null;
  min_group_n: number;
  indicators: readonly Indicator[];
  groups: readonly GroupId[];
  gaps: Readonly<Record<GapId, { readonly a: GroupId; readonly b: GroupId }>>;
  standards: readonly Standard[];
  /** Rows of each download by file name. */
  downloads: Record<string, number>;
  /** The Parquet lake's tables: each one's folder under the version, and its rows. */
  lake?: Record<string, { path: string; rows: number }>;
  shards: { files: number; bytes: number };
  runs?: string;
}

type IndicatorColumns = Record<IndicatorId, PlainColumn<'int' | 'float', true>>;
type MeasureColumns = { [M in (typeof COMMUNITY_MEASURES)[number] as M['id']]: PlainColumn<M['kind'], true> };

/** Every indicator as a column of a community-year: 0/1 shares are integers, the rest floats. */
const indicatorColumns = (): IndicatorColumns =>
  Object.fromEntries(
    INDICATORS.map((i) => [i.id, i.kind === 'share' ? col.intOrNull() : col.floatOrNull()]),
  ) as IndicatorColumns;

/** The community-year measures besides the indicators. */
const measureColumns = (): MeasureColumns =>
  Object.fromEntries(
    COMMUNITY_MEASURES.map((m) => [m.id, m.kind === 'int' ? col.intOrNull() : col.floatOrNull()]),
  ) as MeasureColumns;

const GAP_IDS = Object.keys(GAPS) as GapId[];

/**
 * A gap as readers see it: the columns of gaps.csv and the diff's changes. No shard stores gaps: a
 * reader derives them from a groups shard (core/metrics/gaps-from-groups.ts) to the warehouse's digits,
 * so the pages do not download every group value twice.
 */
export const GAP_COLUMNS = {
  level: col.text(LEVELS),
  region_code: col.text(),
  // A township outside the registry has no name.
  region_name: col.textOrNull(),
  year: col.int(),
  indicator: col.text(),
  gap: col.text(GAP_IDS),
  value_a: col.floatOrNull(),
  value_b: col.floatOrNull(),
  n_a: col.int(),
  n_b: col.int(),
  diff: col.floatOrNull(),
  ratio: col.floatOrNull(),
  suppressed: col.bool(),
  /** Change of diff since the region's previous published year. */
  diff_change_prev: col.floatOrNull(),
  /** Change of diff since the region's first year with an unsuppressed diff. */
  diff_change_first: col.floatOrNull(),
} as const satisfies ShardColumns;

/**
 * Every Arrow shard a version publishes, column by column, in the order its query selects them: the
 * one description the writer's queries are tested against and the readers' row types come from.
 */
export const SHARD_COLUMNS = {
  /** regions.arrow: the region tree, nation to township. */
  regions: {
    level: col.text(LEVELS),
    code: col.text(),
    name: col.text(),
    parent: col.textOrNull(),
    /** Communities the region has data for in any published year. */
    communities: col.int(),
  },
  /** search/<province>.arrow: a province's townships and communities by name and code. */
  search: { level: col.text(LEVELS), code: col.text(), name: col.text(), parent: col.textOrNull() },
  groups: {
    level: col.text(LEVELS),
    region_code: col.text(),
    year: col.int(),
    indicator: col.text(),
    group: col.text(GROUPS),
    value: col.floatOrNull(),
    n: col.int(),
  },
  inequality: {
    level: col.text(LEVELS),
    region_code: col.text(),
    year: col.int(),
    indicator: col.text(),
    n: col.int(),
    mean: col.floatOrNull(),
    sd: col.floatOrNull(),
    cv: col.floatOrNull(),
    theil: col.floatOrNull(),
    theil_between: col.floatOrNull(),
    theil_within: col.floatOrNull(),
    between_share: col.floatOrNull(),
    gini: col.floatOrNull(),
  },
  /** Region outcomes of region standards (status, value) and summaries of community standards (counts). */
  compliance: {
    standard_id: col.text(),
    level: col.text(LEVELS),
    region_code: col.text(),
    year: col.int(),
    in_scope: col.bool(),
    status: col.textOrNull(STATUSES),
    value: col.floatOrNull(),
    n_pass: col.intOrNull(),
    n_fail: col.intOrNull(),
    n_unknown: col.intOrNull(),
    share_pass: col.floatOrNull(),
  },
  'funding-sources': {
    /** The region the sums are for: the shard's own region, or one of a county shard's townships. */
    region_code: col.text(),
    year: col.int(),
    urban_rural: col.text(URBAN_RURAL),
    industry_group: col.textOrNull(INDUSTRY_GROUPS),
    source: col.text(),
    category: col.text(),
    amount: col.float(),
    communities: col.int(),
  },
  /** A county's community-years: keys and descriptions, every indicator, then the other measures. */
  communities: {
    community_code: col.text(),
    year: col.int(),
    name: col.text(),
    urban_rural: col.text(URBAN_RURAL),
    has_industry: col.boolOrNull(),
    industry_type: col.textOrNull(),
    township_code: col.text(),
    households: col.int(),
    population: col.int(),
    grids: col.intOrNull(),
    outside_registry: col.bool(),
    facilities_reported: col.bool(),
    ...indicatorColumns(),
    ...measureColumns(),
  },
  'community-compliance': {
    standard_id: col.text(),
    community_code: col.text(),
    year: col.int(),
    status: col.text(STATUSES),
    /** The values the standard judged, as JSON by measure. */
    measured: col.text(),
  },
} as const satisfies Record<string, ShardColumns>;

/** The name of a published shard. */
export type ShardName = keyof typeof SHARD_COLUMNS;

/** A region of regions.arrow (nation to township). */
export type RegionRow = RowOf<typeof SHARD_COLUMNS.regions>;
/** A township or community of a search shard, or any region found by name or code. */
export type PlaceRow = RowOf<typeof SHARD_COLUMNS.search>;
/** One gap of a region, indicator and year (see GAP_COLUMNS). */
export type GapRow = RowOf<typeof GAP_COLUMNS>;
/** One row of groups.arrow. */
export type GroupRow = RowOf<typeof SHARD_COLUMNS.groups>;
/** One row of inequality.arrow. */
export type InequalityRow = RowOf<typeof SHARD_COLUMNS.inequality>;
/** One row of compliance.arrow. */
export type ComplianceRow = RowOf<typeof SHARD_COLUMNS.compliance>;
/** One row of funding-sources.arrow. */
export type FundingSourceRow = RowOf<(typeof SHARD_COLUMNS)['funding-sources']>;
/** One community-year of a county's communities.arrow. */
export type CommunityRow = RowOf<typeof SHARD_COLUMNS.communities>;
/** One row of community-compliance.arrow. */
export type CommunityComplianceRow = RowOf<(typeof SHARD_COLUMNS)['community-compliance']>;

/** One inbox file's accounting in quality.json: rows read = rows kept + rows quarantined. */
export interface QualityFile {
  dataset: string;
  path: string;
  format: string;
  encoding?: string;
  status: string;
  message?: string;
  rows_read: number;
  rows_kept: number;
  /** Identical duplicate rows kept once. */
  rows_merged: number;
  rows_quarantined: number;
  extra_columns: string[];
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
  | 'inbox_note'
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
}

/** One of the largest moves of an unsuppressed gap since the previous run. */
export interface GapMove {
  level: string;
  region_code: string;
  region_name: string | null;
  year: number;
  indicator: string;
  gap: GapId;
  before: number;
  after: number;
  move: number;
}

/** What a published run changed: files, kept rows per dataset, and the largest gap moves. */
export interface RunChanges {
  files_added: number;
  files_changed: number;
  files_removed: number;
  /** Kept rows that came in, per dataset: new and changed files' rows. */
  rows_added: Record<string, number>;
  /** Kept rows that went out, per dataset: removed and replaced files' rows, and rows a new conflict quarantined. */
  rows_removed: Record<string, number>;
  gap_moves: GapMove[];
}

/** One timed step of a run. */
export interface RunStep {
  step: string;
  ms: number;
  rows: number | null;
}

/** One data test's outcome in a run. */
export interface RunTest {
  test_id: string;
  description: string;
  severity: string;
  status: 'pass' | 'warn' | 'error';
  failures: number;
  threshold: number | null;
  message: string;
}

/** How a run ended (or that it is still running), as run_log and runs.json hold it. */
export const RUN_STATUSES = ['running', 'published', 'unchanged', 'failed'] as const;

/** One run as runs.json lists it, newest first. */
export interface RunRecord {
  run_id: string;
  started_at: string;
  ended_at: string | null;
  status: (typeof RUN_STATUSES)[number];
  exit_code: number | null;
  message: string | null;
  synthetic: boolean | null;
  files: number | null;
  rows_read: number | null;
  rows_kept: number | null;
  rows_quarantined: number | null;
  version: string | null;
  changes: RunChanges | null;
  steps: RunStep[];
  tests: RunTest[];
}

/** When a dataset's newest file for a county came in, and whether that is too long ago. */
export interface Freshness {
  dataset: string;
  county_code: string;
  county_name: string | null;
  last_file_at: string;
  age_days: number;
  stale: boolean;
}

/** runs.json: the version's snapshot, and the live log beside current.json that every run rewrites. */
export interface RunHistory {
  generated_at: string;
  freshness_warn_days: number;
  runs: RunRecord[];
  freshness: Freshness[];
}
