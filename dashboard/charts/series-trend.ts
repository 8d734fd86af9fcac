import * as Plot from '@observablehq/plot';
import type { Measure } from '../i18n/formatters.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { chartWidth, PLOT_DEFAULTS } from './plot-defaults.ts';

/** One point of a named series. */
export interface SeriesPoint {
  year: number;
  series: string;
  value: number | null;
  n?: number | null;
}

/** Options of the series trend chart. */
export interface SeriesTrendOptions {
  ui: Ui;
  id: string;
  title: string;
  measure: Measure;
  /** Series names in order, with their colours. */
  series: readonly { name: string; color: string; dashed?: boolean }[];
  /** Label every point with its value (for short series). */
  labelPoints?: boolean;
  note?: string;
  n?: string | null;
  width?: number;
  height?: number;
}

const defaults = { width: 640, height: 280, marginRight: 40, labelPoints: false };

/** Named series over the years as lines with dots, named in a legend. */
export function seriesTrendChart(data: readonly SeriesPoint[], options: SeriesTrendOptions): HTMLElement {
  const o = { ...defaults, width: chartWidth(), ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const years = [...new Set(data.map((d) => d.year))].sort((a, b) => a - b);
  const known = data.filter((d): d is SeriesPoint & { value: number } => d.value !== null);
  const names = o.series.map((s) => s.name);
  const dashed = new Set(o.series.filter((s) => s.dashed).map((s) => s.name));
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: o.height,
    marginRight: o.marginRight,
    x: { type: 'point', domain: years, label: null, tickFormat: (y: number) => String(y), inset: 20 },
    y: {
      label: null,
      grid: true,
      nice: true,
      ...(o.measure.kind === 'share' ? { domain: [0, 1] } : { zero: true }),
      tickFormat: (v: number) => fmt.bare(o.measure, v),
    },
    color: { domain: names, range: o.series.map((s) => s.color) },
    marks: [
      // Reference series (medians, say) are dashed, so they differ from the subject by more than hue.
      Plot.line(
        known.filter((d) => !dashed.has(d.series)),
        { x: 'year', y: 'value', stroke: 'series', z: 'series', strokeWidth: 2 },
      ),
      Plot.line(
        known.filter((d) => dashed.has(d.series)),
        { x: 'year', y: 'value', stroke: 'series', z: 'series', strokeWidth: 1.5, strokeDasharray: '5,3' },
      ),
      Plot.dot(known, {
        x: 'year',
        y: 'value',
        fill: 'series',
        r: 4,
        title: (d: SeriesPoint) => `${d.series} ${d.year}: ${fmt.value(o.measure, d.value)}`,
      }),
      o.labelPoints
        ? Plot.text(known, {
            x: 'year',
            y: 'value',
            text: (d: SeriesPoint) => fmt.bare(o.measure, d.value),
            dy: -10,
            fill: 'currentColor',
          })
        : null,
    ],
  });
  const hasN = data.some((d) => d.n !== undefined && d.n !== null);
  const columns: Column<SeriesPoint>[] = [
    { key: 'year', label: t('col_year'), text: (d) => String(d.year), value: (d) => d.year },
    { key: 'series', label: t('col_group'), text: (d) => d.series },
    {
      key: 'value',
      label: t('col_value'),
      text: (d) => fmt.value(o.measure, d.value),
      value: (d) => d.value,
      numeric: true,
    },
    ...(hasN
      ? [
          {
            key: 'n',
            label: t('col_n'),
            text: (d: SeriesPoint) => fmt.int(d.n),
            value: (d: SeriesPoint) => d.n,
            numeric: true,
          },
        ]
      : []),
  ];
  const legend = Plot.legend({
    color: { type: 'ordinal', domain: names, range: o.series.map((s) => s.color) },
    className: 'cb-legend',
  });
  return chartFigure({
    id: o.id,
    legend,
    title: o.title,
    unit: fmt.unit(o.measure.unit),
    n: o.n ?? null,
    note: o.note ?? null,
    plot,
    rows: [...data].sort((a, b) => a.year - b.year || names.indexOf(a.series) - names.indexOf(b.series)),
    columns,
    ui,
  });
}
