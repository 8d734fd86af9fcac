import { formatLocale, timeFormatLocale } from 'd3';
import type { Lang } from '../state/view-state.ts';
import { EN_NUMBER, EN_TIME, ZH_NUMBER, ZH_TIME } from './d3-locales.ts';

/** How a value is measured, enough to format it: shares and '%' units are 0–1 fractions. */
export interface Measure {
  kind: 'share' | 'continuous';
  unit: string;
}

/** Number and date formatting for one language (d3 locales), with unknown and suppressed spelt out. */
export interface Formatters {
  /** A whole number with thousands separators. */
  int(n: number | null | undefined): string;
  /** A plain number, digits scaled to its size. */
  num(v: number | null | undefined): string;
  /** A 0–1 share as a percentage. */
  pct(v: number | null | undefined): string;
  /** A value of a measure, with its unit. */
  value(measure: Measure, v: number | null | undefined): string;
  /** A value of a measure without its unit (for axes and compact cells). */
  bare(measure: Measure, v: number | null | undefined): string;
  /** A difference a − b, signed: percentage points for shares. */
  diff(measure: Measure, v: number | null | undefined): string;
  /** A difference without its unit: percentage points for shares (for compact chart labels). */
  diffBare(measure: Measure, v: number | null | undefined): string;
  /** The unit of a difference: percentage points for shares, else the measure's unit. */
  diffUnit(measure: Measure): string;
  /** A ratio a / b. */
  ratio(v: number | null | undefined): string;
  /** A date and time from an ISO string, in the reader's time zone. */
  dateTime(iso: string | null | undefined): string;
  /** A date from an ISO string. */
  date(iso: string | null | undefined): string;
  /** The unit as this language writes it. */
  unit(unit: string): string;
  /** What stands in for an unknown value. */
  readonly missing: string;
}

const EN_UNITS: Record<string, string> = {
  'm²/100户': 'm²/100 hh',
  '元/户': 'yuan/hh',
  元: 'yuan',
  '人/千户': 'per 1,000 hh',
  '元/月': 'yuan/month',
  倍: '×',
  分: 'points',
  '%': '%',
  'm²': 'm²',
  户: 'households',
  '户/格': 'hh/grid',
};

const ZH_UNITS: Record<string, string> = { 'm²': '平方米', '户/格': '户/网格' };

/** Whether a measure is a 0–1 fraction shown as a percentage. */
export function isFraction(measure: Measure): boolean {
  return measure.kind === 'share' || measure.unit === '%';
}

/** The formatters of a language. */
export function formatters(lang: Lang): Formatters {
  const locale = formatLocale(lang === 'zh' ? ZH_NUMBER : EN_NUMBER);
  const time = timeFormatLocale(lang === 'zh' ? ZH_TIME : EN_TIME);
  const missing = lang === 'zh' ? '—' : '—';
  const int = locale.format(',d');
  const pct = locale.format('.1~%');
  const pp = locale.format('+.1~f');
  const big = locale.format(',.0f');
  const mid = locale.format(',.1~f');
  const small = locale.format(',.2~f');
  const signedBig = locale.format('+,.0f');
  const signedSmall = locale.format('+,.2~f');
  const dateTime = time.format(lang === 'zh' ? '%Y年%-m月%-d日 %H:%M' : '%b %-d, %Y %H:%M');
  const date = time.format(lang === 'zh' ? '%Y年%-m月%-d日' : '%b %-d, %Y');
  const known = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  const num = (v: number | null | undefined) => {
    if (!known(v)) return missing;
    const a = Math.abs(v);
    return a >= 1000 ? big(v) : a >= 100 ? mid(v) : small(v);
  };
  const unit = (u: string) => (lang === 'zh' ? (ZH_UNITS[u] ?? u) : (EN_UNITS[u] ?? u));
  const withUnit = (text: string, u: string) => {
    const name = unit(u);
    if (name === '%' || name === '×') return `${text}${name === '×' ? ' ×' : name}`;
    return lang === 'zh' ? `${text} ${name}` : `${text} ${name}`;
  };
  const bare = (m: Measure, v: number | null | undefined) => (!known(v) ? missing : isFraction(m) ? pct(v) : num(v));
  return {
    missing,
    int: (n) => (known(n) ? int(Math.round(n)) : missing),
    num,
    pct: (v) => (known(v) ? pct(v) : missing),
    bare,
    value: (m, v) => (!known(v) ? missing : isFraction(m) ? pct(v) : withUnit(num(v), m.unit)),
    diff: (m, v) => {
      if (!known(v)) return missing;
      if (isFraction(m)) return lang === 'zh' ? `${pp(v * 100)} 个百分点` : `${pp(v * 100)} pp`;
      return withUnit(Math.abs(v) >= 100 ? signedBig(v) : signedSmall(v), m.unit);
    },
    diffBare: (m, v) =>
      !known(v) ? missing : isFraction(m) ? pp(v * 100) : Math.abs(v) >= 100 ? signedBig(v) : signedSmall(v),
    diffUnit: (m) => (isFraction(m) ? (lang === 'zh' ? '个百分点' : 'percentage points') : unit(m.unit)),
    ratio: (v) => (known(v) ? (lang === 'zh' ? `${small(v)} 倍` : `${small(v)}×`) : missing),
    dateTime: (iso) => (iso ? dateTime(new Date(iso)) : missing),
    date: (iso) => (iso ? date(new Date(iso)) : missing),
    unit,
  };
}
