import * as Plot from '@observablehq/plot';
import type { GapId, GroupId } from '../../contract/indicators.ts';
import type { MemberGapRow as GapRow } from '../data/empty-groups.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { gapDomain } from './gap-domain.ts';
import { hiddenGapText } from './gap-text.ts';
import { GROUP_COLORS, NEUTRAL } from './palette.ts';
import { chartWidth, fitLabel, labelMargin, PLOT_DEFAULTS, rowsHeight } from './plot-defaults.ts';

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
  const o = { ...defaults, width: chartWidth(), ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const measure = ui.indicator(o.indicator);
  const shown = data.filter((r) => !r.suppressed && r.diff !== null).sort((x, y) => y.diff! - x.diff!);
  const hidden = data
    .filter((r) => r.suppressed || r.diff === null)
    .sort((x, y) => x.region_code.localeCompare(y.region_code));
  const rows = [...shown, ...hidden];
  const names = uniqueNames(rows, ui);
  const label = (r: GapRow) => names.get(r.region_code)!;
  const gapText = (r: GapRow) => hiddenGapText(ui, r, o.groups) ?? fmt.diff(measure, r.diff);
  const axis = (v: number) => fmt.diffBare(measure, v);
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: rowsHeight(rows.length, o.rowHeight),
    marginLeft: Math.min(labelMargin(rows.map(label)), Math.round(o.width * 0.35)),
    marginRight: Math.min(o.marginRight, Math.round(o.width * 0.25)),
    x: {
      label: null,
      grid: true,
      nice: true,
      domain: gapDomain(
        shown.map((r) => r.diff!),
        measure,
        0.3,
      ),
      tickFormat: axis,
    },
    y: { label: null, domain: rows.map(label), tickFormat: (s: string) => fitLabel(s, o.width * 0.35 - 14) },
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
    { key: 'region', label: t('col_region'), text: (r) => ui.placeName(r.region_code, r.region_name) },
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
function uniqueNames(rows: readonly GapRow[], ui: Ui): Map<string, string> {
  const count = new Map<string, number>();
  const name = (r: GapRow) => ui.placeName(r.region_code, r.region_name);
  for (const r of rows) count.set(name(r), (count.get(name(r)) ?? 0) + 1);
  return new Map(rows.map((r) => [r.region_code, count.get(name(r))! > 1 ? `${name(r)} ${r.region_code}` : name(r)]));
}
