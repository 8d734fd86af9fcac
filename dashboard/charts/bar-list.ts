import * as Plot from '@observablehq/plot';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { NEUTRAL } from './palette.ts';
import { chartWidth, fitLabel, labelMargin, PLOT_DEFAULTS, rowsHeight } from './plot-defaults.ts';

/** One labelled count or amount, with extra columns for the table if any. */
export interface LabelledValue {
  label: string;
  value: number;
  /** Further columns shown in the table and the CSV, in order. */
  extra?: Record<string, string>;
}

/** Options of the bar list. */
export interface BarListOptions {
  ui: Ui;
  id: string;
  title: string;
  labelHeading: string;
  valueHeading: string;
  unit?: string | null;
  n?: string | null;
  note?: string | null;
  /** Headings of the extra columns, by key. */
  extraHeadings?: Record<string, string>;
  format?: (v: number) => string;
  width?: number;
  marginLeft?: number;
  /** The most of the width the labels may take (long file names need more than region names). */
  labelShare?: number;
}

const defaults = { width: 640, rowHeight: 24, marginRight: 60, labelShare: 0.4 };

/** Horizontal bars, largest first, each labelled with its value. */
export function barListChart(data: readonly LabelledValue[], options: BarListOptions): HTMLElement {
  const o = {
    ...defaults,
    width: chartWidth(),
    marginLeft: labelMargin(
      data.map((d) => d.label),
      60,
      400,
    ),
    ...options,
  };
  const { ui } = o;
  const format = o.format ?? ((v: number) => ui.fmt.int(v));
  const rows = [...data].sort((a, b) => b.value - a.value);
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: rowsHeight(rows.length, o.rowHeight),
    marginLeft: Math.min(o.marginLeft, Math.round(o.width * o.labelShare)),
    marginRight: Math.min(o.marginRight, Math.round(o.width * 0.15)),
    x: {
      label: null,
      grid: true,
      nice: true,
      // Counts take whole ticks: asking d3 for no more ticks than the largest count keeps its step at
      // 1 or more, where the default would put ticks at 0.5 and print "0 1 1 2 2".
      ...(o.format ? {} : { ticks: Math.max(1, Math.min(8, Math.ceil(Math.max(0, ...rows.map((d) => d.value))))) }),
      tickFormat: format,
    },
    y: {
      label: null,
      domain: rows.map((d) => d.label),
      tickFormat: (s: string) => fitLabel(s, o.width * o.labelShare - 14),
    },
    marks: [
      Plot.barX(rows, {
        x: 'value',
        y: 'label',
        fill: NEUTRAL.bar,
        title: (d: LabelledValue) => `${d.label}: ${format(d.value)}`,
      }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        x: 'value',
        y: 'label',
        text: (d: LabelledValue) => format(d.value),
        textAnchor: 'start',
        dx: 5,
        fill: 'currentColor',
      }),
    ],
  });
  const extras = Object.entries(o.extraHeadings ?? {});
  const columns: Column<LabelledValue>[] = [
    { key: 'label', label: o.labelHeading, text: (d) => d.label },
    ...extras.map(([key, label]): Column<LabelledValue> => ({ key, label, text: (d) => d.extra?.[key] ?? '' })),
    { key: 'value', label: o.valueHeading, text: (d) => format(d.value), value: (d) => d.value, numeric: true },
  ];
  return chartFigure({
    id: o.id,
    title: o.title,
    unit: o.unit ?? null,
    n: o.n ?? null,
    note: o.note ?? null,
    plot,
    rows,
    columns,
    ui,
  });
}
