/** How an indicator is summarised: a 0/1 per community (a share for a group) or a continuous value. */
export type IndicatorKind = 'share' | 'continuous';

/** One indicator of SPEC §4, as the dashboard labels it. */
export interface Indicator {
  id: string;
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

const coverage = (type: string, zh: string, en: string): Indicator => ({
  id: `cov_${type}`,
  kind: 'share',
  unit: '%',
  zh: `${zh}覆盖率`,
  en: `${en} coverage`,
  better: 'higher',
  theme: 'facilities',
});

/** Every indicator with group values and gaps, in the order pages show them. */
export const INDICATORS: readonly Indicator[] = [
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
];

/** The groups of SPEC §4 and the two gaps between them. */
export const GROUPS = ['urban', 'rural', 'rural_industry', 'rural_no_industry'] as const;
export const GAPS = {
  urban_rural: { a: 'urban', b: 'rural' },
  industry: { a: 'rural_industry', b: 'rural_no_industry' },
} as const;

/** The smallest group n for which a gap is shown (SPEC §4). */
export const MIN_GROUP_N = 3;
