/** One threshold on one measured value: below min or above max fails. */
export interface Check {
  indicator: string;
  min?: number;
  max?: number;
}

/**
 * A reference standard (docs/indicators.md), shipped as data in config/standards.json: community standards are
 * judged per community-year, region standards on a group's value in a region. `scope` is a region
 * code prefix ('CN' for the nation) where the standard applies; any region can still be tested
 * against it.
 */
export interface Standard {
  id: string;
  level: 'community' | 'region';
  applies_to: 'all' | 'urban' | 'rural';
  checks: Check[];
  scope: string;
  zh: string;
  en: string;
  source: string;
  /** The source named in English, for the English pages and briefs; the Chinese one when absent. */
  source_en?: string;
  /**
   * For a standard drawn from several places' documents: each with the place it comes from, so a
   * region's basis cites its own place's document where there is one.
   */
  sources?: { scope: string; zh: string; en: string }[];
}

/** The outcomes of a standard for one community-year or region-year. */
export const STATUSES = ['pass', 'fail', 'unknown'] as const;

/** The outcome of a standard for one community-year or region-year. */
export type Status = (typeof STATUSES)[number];
