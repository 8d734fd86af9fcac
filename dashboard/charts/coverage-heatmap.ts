import * as Plot from '@observablehq/plot';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { labelMargin, PLOT_DEFAULTS, textWidth } from './plot-defaults.ts';

/** One cell: a 0–1 share for a row (e.g. a facility or a region) and a column (a group or a facility). */
export interface CoverageCell {
  row: string;
  column: string;
  value: number | null;
  n: number;
}

/** Options of the coverage heatmap. */
export interface CoverageHeatmapOptions {
  ui: Ui;
  title: string;
  rowLabel: string;
  columnLabel: string;
  rows: readonly string[];
  columns: readonly string[];
  id?: string;
  width?: number;
  cellWidth?: number;
  marginLeft?: number;
  /** The text of a cell and its table entry; default: the percentage and n. */
  cellText?: (cell: CoverageCell) => string;
  note?: string | null;
  /** The unit the meta line names: '%' for shares, else what the cells count. */
  unit?: string;
  /** A colour legend with this title (the share a colour stands for, 0–100%). */
  legend?: string;
}

const defaults = { id: 'coverage-heatmap', cellWidth: 96, cellHeight: 40, marginTop: 40 };

/**
 * Shares as a grid of cells on a single-hue scale (readable with any colour vision), each labelled
 * with its percentage and n; an unknown cell is left blank with a dash.
 */
export function coverageHeatmapChart(data: readonly CoverageCell[], options: CoverageHeatmapOptions): HTMLElement {
  const o = {
    ...defaults,
    marginLeft: labelMargin(options.rows),
    cellWidth: Math.max(defaults.cellWidth, ...options.columns.map((c) => textWidth(c) + 12)),
    ...options,
  };
  const { ui } = o;
  const { t, fmt } = ui;
  const label =
    o.cellText ??
    ((d: CoverageCell) => (d.value === null ? fmt.missing : `${fmt.pct(d.value)}\n${t('n_eq', { n: d.n })}`));
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width ?? o.marginLeft + o.columns.length * o.cellWidth + 10,
    height: o.rows.length * o.cellHeight + o.marginTop + 10,
    marginLeft: o.marginLeft,
    marginTop: o.marginTop,
    padding: 0.04,
    x: { label: null, domain: [...o.columns], axis: 'top', tickSize: 0 },
    y: { label: null, domain: [...o.rows], tickSize: 0 },
    color: { type: 'linear', domain: [0, 1], scheme: 'blues' },
    marks: [
      Plot.cell(
        data.filter((d) => d.value !== null),
        { x: 'column', y: 'row', fill: 'value', title: (d: CoverageCell) => `${d.row} · ${d.column}: ${label(d)}` },
      ),
      Plot.cell(
        data.filter((d) => d.value === null),
        { x: 'column', y: 'row', fill: 'none', stroke: 'currentColor', strokeOpacity: 0.2 },
      ),
      Plot.text(data, {
        x: 'column',
        y: 'row',
        text: label,
        // Dark text on light cells; empty cells take the page's text colour (dark mode too).
        fill: (d: CoverageCell) => (d.value === null ? 'currentColor' : d.value > 0.55 ? 'white' : 'black'),
        lineHeight: 1.2,
        fontSize: 11,
      }),
    ],
  });
  const columns: Column<CoverageCell>[] = [
    { key: 'row', label: o.rowLabel, text: (d) => d.row },
    { key: 'column', label: o.columnLabel, text: (d) => d.column },
    {
      key: 'value',
      label: t('col_share'),
      text: (d) => (o.cellText ? o.cellText(d) : fmt.pct(d.value)),
      value: (d) => d.value,
      numeric: true,
    },
    { key: 'n', label: t('col_n'), text: (d) => fmt.int(d.n), value: (d) => d.n, numeric: true },
  ];
  const legend = o.legend
    ? Plot.legend({
        color: { type: 'linear', domain: [0, 1], scheme: 'blues' },
        label: o.legend,
        tickFormat: (v: number) => fmt.pct(v),
        ticks: 5,
        width: 260,
      })
    : undefined;
  return chartFigure({
    id: o.id,
    title: o.title,
    legend,
    unit: o.unit ?? '%',
    note: o.note ?? null,
    n: data.length
      ? `n=${fmt.int(Math.min(...data.map((d) => d.n)))}–${fmt.int(Math.max(...data.map((d) => d.n)))}`
      : null,
    plot,
    rows: data,
    columns,
    ui,
  });
}
