import type { GroupId } from '../../contract/indicators.ts';

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, on light and dark.

/** The colour of each community group, the same on every chart. */
export const GROUP_COLORS: Record<GroupId, string> = {
  urban: '#0072B2',
  rural: '#D55E00',
  rural_industry: '#009E73',
  rural_no_industry: '#CC79A7',
};

/** A second cue besides colour, for scatter plots. */
export const GROUP_SYMBOLS: Record<GroupId, string> = {
  urban: 'circle',
  rural: 'triangle',
  rural_industry: 'square',
  rural_no_industry: 'diamond',
};

/** The colour of each funding source, in stacking order. */
export const SOURCE_COLORS: Record<string, string> = {
  county: '#0072B2',
  city: '#56B4E9',
  province_central: '#009E73',
  linked_units: '#E69F00',
  collective: '#D55E00',
  donation: '#CC79A7',
  other: '#999999',
};

/** Neutral colours for single-series charts. */
export const NEUTRAL = { bar: '#56B4E9', accent: '#0072B2', muted: '#999999' };

/** The colour of each funding category, in stacking order. */
export const CATEGORY_COLORS: Record<string, string> = {
  work: '#0072B2',
  service: '#009E73',
  construction: '#E69F00',
  staff_pay: '#CC79A7',
  other: '#999999',
};

/** Reference lines a subject is compared with (medians), drawn dashed as well. */
export const REFERENCE_COLORS = { groupMedian: '#999999', townshipMedian: '#E69F00' };
