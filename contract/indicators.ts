/** How an indicator is summarised: a 0/1 per community (a share for a group) or a continuous value. */
export type IndicatorKind = 'share' | 'continuous';

/** One indicator: a per-community-year value with group values and gaps (docs/indicators.md). */
export interface Indicator {
  readonly id: string;
  kind: IndicatorKind;
  unit: string;
  zh: string;
  en: string;
  /** Which direction is better, for ranking regions and flagging laggards. */
  better: 'higher' | 'lower';
  /** Continuous indicators whose inequality (Theil, Gini) is computed. */
  inequality?: boolean;
  theme: 'facilities' | 'staffing' | 'funding' | 'residents';
}

const coverage = <T extends string>(type: T, zh: string, en: string) => ({
  id: `cov_${type}` as const,
  kind: 'share' as const,
  unit: '%',
  zh: `${zh}覆盖率`,
  en: `${en} coverage`,
  better: 'higher' as const,
  theme: 'facilities' as const,
});

/**
 * Every indicator with group values and gaps, in the order pages show them. The models' SQL lists,
 * the communities shard, the downloads and the dashboard's selectors all follow this list: adding an
 * indicator here and its column to models/community-year.sql is enough to publish it.
 */
export const INDICATORS = [
  coverage('service_center', '综合服务中心', 'Service centre'),
  coverage('elder_daycare', '日间照料中心', 'Elder day-care'),
  coverage('elder_home', '养老院/幸福院', 'Elder home'),
  coverage('health_room', '卫生室', 'Health room'),
  coverage('culture_room', '文化活动室', 'Culture room'),
  coverage('library', '图书室', 'Library'),
  coverage('fitness', '健身场地', 'Fitness ground'),
  coverage('smart_platform', '智慧社区平台', 'Smart platform'),
  {
    id: 'service_area_per_100hh',
    kind: 'continuous',
    unit: 'm²/100户',
    zh: '每百户服务用房面积',
    en: 'Service area per 100 households',
    better: 'higher',
    inequality: true,
    theme: 'facilities',
  },
  {
    id: 'service_center_ok',
    kind: 'share',
    unit: '%',
    zh: '服务用房达标率',
    en: 'Service centre meets area standard',
    better: 'higher',
    theme: 'facilities',
  },
  {
    id: 'funding_per_household',
    kind: 'continuous',
    unit: '元/户',
    zh: '户均经费',
    en: 'Funding per household',
    better: 'higher',
    inequality: true,
    theme: 'funding',
  },
  {
    id: 'work_funds',
    kind: 'continuous',
    unit: '元',
    zh: '工作经费',
    en: 'Work funds',
    better: 'higher',
    theme: 'funding',
  },
  {
    id: 'self_raised_share',
    kind: 'continuous',
    unit: '%',
    zh: '自筹经费占比',
    en: 'Self-raised share of funding',
    better: 'lower',
    theme: 'funding',
  },
  {
    id: 'staff_per_1000hh',
    kind: 'continuous',
    unit: '人/千户',
    zh: '每千户社区工作者',
    en: 'Workers per 1,000 households',
    better: 'higher',
    inequality: true,
    theme: 'staffing',
  },
  {
    id: 'turnover_rate',
    kind: 'continuous',
    unit: '%',
    zh: '人员流失率',
    en: 'Staff turnover',
    better: 'lower',
    theme: 'staffing',
  },
  {
    id: 'median_wage',
    kind: 'continuous',
    unit: '元/月',
    zh: '月工资中位数',
    en: 'Median monthly wage',
    better: 'higher',
    inequality: true,
    theme: 'staffing',
  },
  {
    id: 'wage_ratio',
    kind: 'continuous',
    unit: '倍',
    zh: '工资与上年社平工资之比',
    en: "Wage to last year's local average",
    better: 'higher',
    theme: 'staffing',
  },
  {
    id: 'insured_share',
    kind: 'continuous',
    unit: '%',
    zh: '五险一金覆盖率',
    en: 'Share with social insurance',
    better: 'higher',
    theme: 'staffing',
  },
  {
    id: 'satisfaction',
    kind: 'continuous',
    unit: '分',
    zh: '居民满意度',
    en: 'Resident satisfaction',
    better: 'higher',
    theme: 'residents',
  },
] as const satisfies readonly Indicator[];

/** The id of an indicator of the catalogue. */
export type IndicatorId = (typeof INDICATORS)[number]['id'];

/** A per-community value that is not an indicator: stored as an integer or a float, in a unit. */
export interface CommunityMeasure {
  readonly id: string;
  readonly kind: 'int' | 'float';
  readonly unit: string;
  /** Whether a standard's check may name it. */
  readonly checkable: boolean;
}

/**
 * The other measures of a community-year: published with its indicators in the communities shard,
 * but not summarised into group values.
 */
export const COMMUNITY_MEASURES = [
  { id: 'households_per_grid', kind: 'float', unit: '户/格', checkable: true },
  { id: 'service_center_area_m2', kind: 'float', unit: 'm²', checkable: true },
  { id: 'service_funds', kind: 'float', unit: '元', checkable: true },
  { id: 'funding_total', kind: 'float', unit: '元', checkable: false },
  { id: 'headcount_end', kind: 'int', unit: '人', checkable: false },
  { id: 'separations', kind: 'int', unit: '人', checkable: false },
] as const satisfies readonly CommunityMeasure[];

/** What a standard's check may name besides an indicator: the household count and the checkable measures. */
export const STANDARD_MEASURES: readonly Pick<CommunityMeasure, 'id' | 'unit'>[] = [
  { id: 'households', unit: '户' },
  ...COMMUNITY_MEASURES.filter((m) => m.checkable),
];

/** Every name a standard's check may use. */
export const CHECKABLE_MEASURES: ReadonlySet<string> = new Set([
  ...STANDARD_MEASURES.map((m) => m.id),
  ...INDICATORS.map((i) => i.id),
]);

/** Urban or rural, as every community-year is classed. */
export const URBAN_RURAL = ['urban', 'rural'] as const;

/** The two rural groups by industry support. */
export const INDUSTRY_GROUPS = ['rural_industry', 'rural_no_industry'] as const;

/**
 * The groups compared. A community-year counts in urban or rural, and a rural one also in its
 * industry group when has_industry is known.
 */
export const GROUPS = ['urban', 'rural', ...INDUSTRY_GROUPS] as const;

/** A group of community-years. */
export type GroupId = (typeof GROUPS)[number];

/** The two gaps: a − b between two groups. */
export const GAPS = {
  urban_rural: { a: 'urban', b: 'rural' },
  industry: { a: 'rural_industry', b: 'rural_no_industry' },
} as const satisfies Record<string, { a: GroupId; b: GroupId }>;

/** A gap between two groups. */
export type GapId = keyof typeof GAPS;

/** The smallest group n for which a gap is shown; smaller ones are suppressed. */
export const MIN_GROUP_N = 3;

/**
 * The groups a community-year belongs to, broadest first: urban, or rural plus its industry group
 * when known; none when urban or rural is unknown. The models' SQL macro `groups_of` applies the same
 * rule (tests/pipeline/catalogue-sql.test.ts holds them to it).
 */
export function groupsOf(row: { urban_rural: string | null; has_industry: boolean | null }): GroupId[] {
  if (row.urban_rural === 'urban') return ['urban'];
  if (row.urban_rural !== 'rural') return [];
  if (row.has_industry === true) return ['rural', 'rural_industry'];
  if (row.has_industry === false) return ['rural', 'rural_no_industry'];
  return ['rural'];
}

/** The narrowest group of a community-year (its peers): always one once it is classed urban or rural. */
export function narrowestGroup(row: { urban_rural: 'urban' | 'rural'; has_industry: boolean | null }): GroupId;
export function narrowestGroup(row: { urban_rural: string | null; has_industry: boolean | null }): GroupId | undefined;
export function narrowestGroup(row: { urban_rural: string | null; has_industry: boolean | null }): GroupId | undefined {
  return groupsOf(row).at(-1);
}
