import * as Plot from '@observablehq/plot';
import type { InequalityRow } from '../../contract/published-types.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { NEUTRAL } from './palette.ts';
import { chartWidth, PLOT_DEFAULTS } from './plot-defaults.ts';

/** Options of the Theil decomposition chart. */
export interface TheilDecompositionOptions {
  ui: Ui;
  indicator: string;
  id?: string;
  title?: string;
  width?: number;
  height?: number;
}

// Below about 30 units an inequality index is driven by single communities (a township of 9
// communities swings 0.05-0.45 between years): such years are drawn pale and named in a note.
const defaults = { id: 'theil', width: 640, height: 280, marginTop: 30, minN: 30 };

/**
 * Theil T per year as a stack of its between-group (urban / rural) and within-group parts, labelled
 * with the between-group share; the Gini coefficient is in the table.
 */
export function theilDecompositionChart(
  data: readonly InequalityRow[],
  options: TheilDecompositionOptions,
): HTMLElement {
  const o = { ...defaults, width: chartWidth(), ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const rows = data.filter((r) => r.theil !== null).sort((a, b) => a.year - b.year);
  const parts = [t('col_between'), t('col_within')];
  const small = (r: { n: number }) => r.n < o.minN;
  const long = rows.flatMap((r) => [
    { year: r.year, part: parts[0]!, value: r.theil_between ?? 0, small: small(r) },
    { year: r.year, part: parts[1]!, value: r.theil_within ?? 0, small: small(r) },
  ]);
  const smallYears = rows.filter(small).map((r) => String(r.year));
  const three = (v: number | null) => (v === null ? fmt.missing : fmt.num(Math.round(v * 1000) / 1000));
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: o.height,
    marginTop: o.marginTop,
    x: { label: null, type: 'band', domain: rows.map((r) => r.year), tickFormat: (y: number) => String(y) },
    y: { label: t('col_theil'), grid: true, nice: true },
    color: { domain: parts, range: [NEUTRAL.accent, NEUTRAL.bar] },
    marks: [
      Plot.barY(long, {
        x: 'year',
        y: 'value',
        fill: 'part',
        fillOpacity: (d: (typeof long)[number]) => (d.small ? 0.35 : 1),
        order: parts,
        title: (d: (typeof long)[number]) => `${d.year} ${d.part}: ${three(d.value)}`,
      }),
      Plot.text(rows, {
        x: 'year',
        y: 'theil',
        text: (r: InequalityRow) =>
          small(r) ? `${fmt.pct(r.between_share)}\n${t('n_eq', { n: fmt.int(r.n) })}` : fmt.pct(r.between_share),
        lineAnchor: 'bottom',
        dy: -8,
        fill: 'currentColor',
      }),
      Plot.ruleY([0]),
    ],
  });
  const legend = Plot.legend({
    color: { type: 'ordinal', domain: parts, range: [NEUTRAL.accent, NEUTRAL.bar] },
    className: 'cb-legend',
  });
  const columns: Column<InequalityRow>[] = [
    { key: 'year', label: t('col_year'), text: (r) => String(r.year), value: (r) => r.year },
    { key: 'n', label: t('col_n'), text: (r) => fmt.int(r.n), value: (r) => r.n, numeric: true },
    { key: 'theil', label: t('col_theil'), text: (r) => three(r.theil), value: (r) => r.theil, numeric: true },
    {
      key: 'theil_between',
      label: t('col_between'),
      text: (r) => three(r.theil_between),
      value: (r) => r.theil_between,
      numeric: true,
    },
    {
      key: 'theil_within',
      label: t('col_within'),
      text: (r) => three(r.theil_within),
      value: (r) => r.theil_within,
      numeric: true,
    },
    {
      key: 'between_share',
      label: t('col_between_share'),
      text: (r) => fmt.pct(r.between_share),
      value: (r) => r.between_share,
      numeric: true,
    },
    { key: 'gini', label: t('col_gini'), text: (r) => three(r.gini), value: (r) => r.gini, numeric: true },
    { key: 'small_n', label: t('col_small_n'), text: (r) => (small(r) ? t('yes') : t('no')), value: small },
  ];
  const latest = rows.at(-1);
  return chartFigure({
    id: o.id,
    title: o.title ?? t('chart_theil', { indicator: ui.indicatorName(o.indicator) }),
    unit: t('col_theil'),
    n: latest ? `${latest.year}: ${fmt.int(latest.n)}` : null,
    plot,
    legend,
    note: smallYears.length
      ? t('two_sentences', {
          a: t('theil_note').replace(/[。.]$/, ''),
          b: t('theil_small_n', { years: ui.list(smallYears), min: o.minN }),
        })
      : t('theil_note'),
    rows,
    columns,
    ui,
  });
}
