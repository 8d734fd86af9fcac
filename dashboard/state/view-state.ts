import type { GapId } from '../../contract/indicators.ts';
import { parseCompare } from './compare-param.ts';

/** The pages of the dashboard, in navigation order. */
export const PAGES = [
  'overview',
  'gaps',
  'industry',
  'facilities',
  'staffing',
  'funding',
  'standards',
  'community',
  'compare',
  'quality',
  'runs',
  'method',
  'brief',
] as const;

/** One page of the dashboard. */
export type PageId = (typeof PAGES)[number];
/** The interface languages. */
export type Lang = 'zh' | 'en';

/** Everything a view depends on; all of it lives in the URL so a copied link reopens the same view. */
export interface ViewState {
  page: PageId;
  /** 'CN', or a 2-, 4-, 6-, 9- or 12-digit region code. */
  region: string;
  year: number;
  indicator: string;
  gap: GapId;
  lang: Lang;
  /** The standard being tested on the standards page, if any. */
  standard: string | null;
  /** Edited thresholds of that standard, as `indicator:min:max` items joined by commas. */
  checks: string | null;
  /** The regions compared side by side on the comparison page: 2-4 codes joined by commas. */
  compare?: string | null;
}

/** What a parsed URL may fall back to: the data's latest year and first indicator. */
export interface StateDefaults {
  years: readonly number[];
  indicators: readonly string[];
}

const REGION = /^(CN|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
const CHECKS = /^[a-z0-9_]+:-?[\d.]*:-?[\d.]*(,[a-z0-9_]+:-?[\d.]*:-?[\d.]*)*$/;

/** Reads a view from a query string, replacing anything unknown by a default. */
export function parseViewState(search: string, defaults: StateDefaults): ViewState {
  const q = new URLSearchParams(search);
  const page = q.get('page');
  const region = q.get('region');
  const year = Number(q.get('year'));
  const indicator = q.get('indicator');
  const standard = q.get('standard');
  const checks = q.get('checks');
  const latest = defaults.years.length ? Math.max(...defaults.years) : new Date().getFullYear();
  return {
    page: (PAGES as readonly string[]).includes(page ?? '') ? (page as PageId) : 'overview',
    region: region && REGION.test(region) ? region : 'CN',
    year: defaults.years.includes(year) ? year : latest,
    indicator: indicator && defaults.indicators.includes(indicator) ? indicator : (defaults.indicators[0] ?? ''),
    gap: q.get('gap') === 'industry' ? 'industry' : 'urban_rural',
    lang: q.get('lang') === 'en' ? 'en' : 'zh',
    standard: standard && /^[a-z0-9_]+$/.test(standard) ? standard : null,
    checks: checks && CHECKS.test(checks) ? checks : null,
    compare: parseCompare(q.get('compare')),
  };
}

/** Writes a view as a query string; every field is explicit so a link keeps its view as data grows. */
export function serializeViewState(state: ViewState): string {
  const q = new URLSearchParams({
    page: state.page,
    region: state.region,
    year: String(state.year),
    indicator: state.indicator,
    gap: state.gap,
    lang: state.lang,
  });
  if (state.standard) q.set('standard', state.standard);
  if (state.standard && state.checks) q.set('checks', state.checks);
  if (state.page === 'compare' && state.compare) q.set('compare', state.compare);
  return `?${q.toString()}`;
}
