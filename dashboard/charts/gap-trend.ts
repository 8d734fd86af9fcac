import * as Plot from '@observablehq/plot';
import type { GapId, GroupId } from '../../contract/indicators.ts';
import type { MemberGapRow as GapRow } from '../data/empty-groups.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { hiddenGapText } from './gap-text.ts';
import { GROUP_COLORS } from './palette.ts';
import { chartWidth, PLOT_DEFAULTS, textWidth } from './plot-defaults.ts';

/** Options of the gap trend chart. */
export interface GapTrendOptions {
  ui: Ui;
  indicator: string;
  gap: GapId;
  groups: { a: GroupId; b: GroupId };
  id?: string;
  title?: string;
  width?: number;
  height?: number;
}

const defaults = {
  id: 'gap-trend',
  width: 640,
  height: 320,
  marginTop: 50,
  marginBottom: 58,
  marginRight: 40,
  yearWidth: 56,
};

interface Point {
  year: number;
  group: GroupId;
  value: number;
  suppressed: boolean;
}

/**
 * Both groups' values over the years, with the gap and n of every year along the top; a suppressed
 * year shows 样本不足 in place of the gap, and its points are hollow.
 */
export function gapTrendChart(data: readonly GapRow[], options: GapTrendOptions): HTMLElement {
  const o = { ...defaults, width: chartWidth(), ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const measure = ui.indicator(o.indicator);
  const rows = [...data].sort((x, y) => x.year - y.year);
  const years = rows.map((r) => r.year);
  const points: Point[] = rows.flatMap((r) => [
    ...(r.value_a === null ? [] : [{ year: r.year, group: o.groups.a, value: r.value_a, suppressed: r.suppressed }]),
    ...(r.value_b === null ? [] : [{ year: r.year, group: o.groups.b, value: r.value_b, suppressed: r.suppressed }]),
  ]);
  const gapText = (r: GapRow) => hiddenGapText(ui, r, o.groups) ?? fmt.diff(measure, r.diff);
  // Compact labels: one year has ~70px, so the unit goes in the note under the chart.
  const gapLabel = (r: GapRow) => hiddenGapText(ui, r, o.groups) ?? fmt.diffBare(measure, r.diff);
  // One n per line: "n=386/3,427" on one line is wider than a year's room once counts reach thousands.
  const nText = (r: GapRow) => `${t('n_eq', { n: fmt.int(r.n_a ?? 0) })}\n${t('n_eq', { n: fmt.int(r.n_b ?? 0) })}`;
  const yearWidth = Math.max(
    o.yearWidth,
    ...rows.map((r) => textWidth(t('n_eq', { n: fmt.int(Math.max(r.n_a ?? 0, r.n_b ?? 0)) })) * (11 / 12) + 16),
  );
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    // A year needs the room of its widest label (n in the hundred thousands nationally); wider than
    // the page, the chart scrolls rather than shrinking its text.
    width: Math.max(o.width, years.length * yearWidth + 90),
    height: o.height,
    marginTop: o.marginTop,
    marginBottom: o.marginBottom,
    marginRight: o.marginRight,
    x: { type: 'point', domain: years, label: null, tickFormat: (y: number) => String(y), inset: 20 },
    y: {
      label: null,
      grid: true,
      nice: true,
      ...(measure.kind === 'share' ? { domain: [0, 1] } : { zero: true }),
      tickFormat: (v: number) => fmt.bare(measure, v),
    },
    color: { domain: Object.keys(GROUP_COLORS), range: Object.values(GROUP_COLORS) },
    marks: [
      Plot.line(points, { x: 'year', y: 'value', stroke: 'group', z: 'group', strokeWidth: 2 }),
      Plot.dot(
        points.filter((p) => !p.suppressed),
        {
          x: 'year',
          y: 'value',
          fill: 'group',
          r: 4,
          title: (p: Point) => `${ui.groupName(p.group)} ${p.year}: ${fmt.value(measure, p.value)}`,
        },
      ),
      Plot.dot(
        points.filter((p) => p.suppressed),
        { x: 'year', y: 'value', stroke: 'group', fill: 'var(--bg, white)', r: 4, strokeWidth: 2 },
      ),
      Plot.text(rows, {
        x: 'year',
        frameAnchor: 'top',
        dy: -12,
        lineAnchor: 'bottom',
        lineWidth: 5.5,
        text: gapLabel,
        fill: 'currentColor',
        fontWeight: 600,
        className: 'gap-label',
      }),
      Plot.text(rows, {
        x: 'year',
        frameAnchor: 'bottom',
        dy: 26,
        lineAnchor: 'top',
        text: nText,
        fill: 'currentColor',
        fillOpacity: 0.75,
        fontSize: 11,
        className: 'n-label',
      }),
    ],
  });
  const a = ui.groupName(o.groups.a);
  const b = ui.groupName(o.groups.b);
  const columns: Column<GapRow>[] = [
    { key: 'year', label: t('col_year'), text: (r) => String(r.year), value: (r) => r.year },
    { key: 'value_a', label: a, text: (r) => fmt.value(measure, r.value_a), value: (r) => r.value_a, numeric: true },
    { key: 'n_a', label: `${a} ${t('col_n')}`, text: (r) => fmt.int(r.n_a), value: (r) => r.n_a, numeric: true },
    { key: 'value_b', label: b, text: (r) => fmt.value(measure, r.value_b), value: (r) => r.value_b, numeric: true },
    { key: 'n_b', label: `${b} ${t('col_n')}`, text: (r) => fmt.int(r.n_b), value: (r) => r.n_b, numeric: true },
    { key: 'diff', label: t('col_diff'), text: gapText, value: (r) => (r.suppressed ? null : r.diff), numeric: true },
    {
      key: 'ratio',
      label: t('col_ratio'),
      text: (r) => hiddenGapText(ui, r, o.groups) ?? fmt.ratio(r.ratio),
      value: (r) => (r.suppressed ? null : r.ratio),
      numeric: true,
    },
    {
      key: 'suppressed',
      label: t('suppressed'),
      text: (r) => (r.suppressed ? t('yes') : t('no')),
      value: (r) => r.suppressed,
    },
  ];
  const latest = rows.at(-1);
  // A legend rather than labels at the line ends, which collide when the groups are close.
  const legend = Plot.legend({
    color: { type: 'ordinal', domain: [a, b], range: [GROUP_COLORS[o.groups.a], GROUP_COLORS[o.groups.b]] },
    className: 'cb-legend',
  });
  return chartFigure({
    id: o.id,
    title: o.title ?? t('chart_gap_trend', { indicator: ui.indicatorName(o.indicator), gap: ui.gapName(o.gap) }),
    unit: fmt.unit(measure.unit),
    n: latest ? `${latest.year}: ${ui.list([`${a} ${fmt.int(latest.n_a)}`, `${b} ${fmt.int(latest.n_b)}`])}` : null,
    plot,
    legend,
    note: t('gap_trend_note', { gap: ui.gapName(o.gap), unit: fmt.diffUnit(measure), a, b }),
    rows,
    columns,
    ui,
  });
}
