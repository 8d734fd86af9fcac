import * as Plot from '@observablehq/plot';
import type { GapRow } from '../../contract/published-types.ts';
import type { GapId, GroupId } from '../../contract/indicators.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { GROUP_COLORS, NEUTRAL } from './palette.ts';
import { labelMargin, PLOT_DEFAULTS, rowsHeight } from './plot-defaults.ts';

/** Options of the regions-ranked-by-gap chart. */
export interface GapRankingOptions {
  ui: Ui;
  indicator: string;
  gap: GapId;
  year: number;
  groups: { a: GroupId; b: GroupId };
  id?: string;
  title?: string;
  width?: number;
}

const defaults = { id: 'gap-ranking', width: 640, rowHeight: 24, marginRight: 110 };

/**
 * Sub-regions ranked by the gap (largest first); suppressed ones are listed last with 样本不足 and no
 * bar, so no number is ever drawn for them.
 */
export function gapRankingChart(data: readonly GapRow[], options: GapRankingOptions): HTMLElement {
  const o = { ...defaults, ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const measure = ui.indicator(o.indicator);
  const shown = data.filter((r) => !r.suppressed && r.diff !== null).sort((x, y) => y.diff! - x.diff!);
  const hidden = data
    .filter((r) => r.suppressed || r.diff === null)
    .sort((x, y) => x.region_code.localeCompare(y.region_code));
  const rows = [...shown, ...hidden];
  const names = uniqueNames(rows);
  const label = (r: GapRow) => names.get(r.region_code)!;
  const gapText = (r: GapRow) => (r.suppressed ? t('suppressed') : fmt.diff(measure, r.diff));
  const axis = (v: number) => fmt.diffBare(measure, v);
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: rowsHeight(rows.length, o.rowHeight),
    marginLeft: labelMargin(rows.map(label)),
    marginRight: o.marginRight,
    x: { label: null, grid: true, nice: true, tickFormat: axis },
    y: { label: null, domain: rows.map(label) },
    marks: [
      Plot.barX(shown, {
        x: 'diff',
        y: label,
        fill: (r: GapRow) => (r.diff! >= 0 ? GROUP_COLORS[o.groups.a] : GROUP_COLORS[o.groups.b]),
        title: (r: GapRow) => `${label(r)}: ${gapText(r)}`,
      }),
      Plot.ruleX([0]),
      Plot.text(
        shown.filter((r) => r.diff! >= 0),
        { x: 'diff', y: label, text: gapText, textAnchor: 'start', dx: 6, fill: 'currentColor' },
      ),
      Plot.text(
        shown.filter((r) => r.diff! < 0),
        { x: 'diff', y: label, text: gapText, textAnchor: 'end', dx: -6, fill: 'currentColor' },
      ),
      Plot.text(hidden, {
        x: 0,
        y: label,
        text: gapText,
        textAnchor: 'start',
        dx: 6,
        fill: NEUTRAL.muted,
        fontStyle: 'italic',
      }),
    ],
  });
  const a = ui.groupName(o.groups.a);
  const b = ui.groupName(o.groups.b);
  const columns: Column<GapRow>[] = [
    { key: 'region', label: t('col_region'), text: (r) => r.region_name ?? r.region_code },
    { key: 'code', label: t('col_code'), text: (r) => r.region_code },
    { key: 'value_a', label: a, text: (r) => fmt.value(measure, r.value_a), value: (r) => r.value_a, numeric: true },
    { key: 'n_a', label: `${a} ${t('col_n')}`, text: (r) => fmt.int(r.n_a), value: (r) => r.n_a, numeric: true },
    { key: 'value_b', label: b, text: (r) => fmt.value(measure, r.value_b), value: (r) => r.value_b, numeric: true },
    { key: 'n_b', label: `${b} ${t('col_n')}`, text: (r) => fmt.int(r.n_b), value: (r) => r.n_b, numeric: true },
    { key: 'diff', label: t('col_diff'), text: gapText, value: (r) => (r.suppressed ? null : r.diff), numeric: true },
    {
      key: 'suppressed',
      label: t('suppressed'),
      text: (r) => (r.suppressed ? t('yes') : t('no')),
      value: (r) => r.suppressed,
    },
  ];
  return chartFigure({
    id: o.id,
    title:
      o.title ??
      t('chart_gap_ranking', { indicator: ui.indicatorName(o.indicator), gap: ui.gapName(o.gap), year: o.year }),
    unit: fmt.diffUnit(measure),
    n: t('n_regions', { n: rows.length }),
    plot,
    rows,
    columns,
    ui,
  });
}

/** Region names as axis labels, with the code added where two regions share a name. */
function uniqueNames(rows: readonly GapRow[]): Map<string, string> {
  // A township outside the registry has no name: its code stands in.
  const name = (r: GapRow) => r.region_name ?? r.region_code;
  const count = new Map<string, number>();
  for (const r of rows) count.set(name(r), (count.get(name(r)) ?? 0) + 1);
  return new Map(rows.map((r) => [r.region_code, count.get(name(r))! > 1 ? `${name(r)} ${r.region_code}` : name(r)]));
}
