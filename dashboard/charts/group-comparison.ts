import * as Plot from '@observablehq/plot';
import type { GroupId } from '../../contract/indicators.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { GROUP_COLORS } from './palette.ts';
import { chartWidth, labelMargin, PLOT_DEFAULTS, rowsHeight } from './plot-defaults.ts';

/** One group's value in a region and year, with how many communities had one. */
export interface GroupValue {
  group: GroupId;
  value: number | null;
  n: number;
}

/** Options of the group comparison chart. */
export interface GroupComparisonOptions {
  ui: Ui;
  indicator: string;
  year: number;
  id?: string;
  title?: string;
  width?: number;
}

const defaults = { id: 'group-comparison', width: 640, rowHeight: 36, marginRight: 130 };

/** Bars of each group's value, labelled with the value and n; a group without values says so. */
export function groupComparisonChart(data: readonly GroupValue[], options: GroupComparisonOptions): HTMLElement {
  const o = { ...defaults, width: chartWidth(), ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const measure = ui.indicator(o.indicator);
  const rows = [...data];
  const name = (d: GroupValue) => ui.groupName(d.group);
  const label = (d: GroupValue) =>
    d.value === null ? t('no_data') : `${fmt.bare(measure, d.value)} · ${t('n_eq', { n: fmt.int(d.n) })}`;
  const known = rows.filter((d) => d.value !== null);
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: rowsHeight(rows.length, o.rowHeight),
    marginLeft: labelMargin(rows.map(name)),
    marginRight: Math.min(o.marginRight, Math.round(o.width * 0.3)),
    x: {
      label: null,
      grid: true,
      nice: true,
      // Shares of communities run to 100%; other percentages (turnover, self-raised share) to their data.
      ...(measure.kind === 'share' ? { domain: [0, Math.max(1, ...known.map((d) => d.value!))] } : {}),
      tickFormat: (v: number) => fmt.bare(measure, v),
    },
    y: { label: null, domain: rows.map(name) },
    color: { domain: Object.keys(GROUP_COLORS), range: Object.values(GROUP_COLORS) },
    marks: [
      Plot.barX(known, { x: 'value', y: name, fill: 'group', title: label }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        x: (d: GroupValue) => d.value ?? 0,
        y: name,
        text: label,
        textAnchor: 'start',
        dx: 6,
        fill: 'currentColor',
      }),
    ],
  });
  const columns: Column<GroupValue>[] = [
    { key: 'group', label: t('col_group'), text: name },
    {
      key: 'value',
      label: t('col_value'),
      text: (d) => fmt.value(measure, d.value),
      value: (d) => d.value,
      numeric: true,
    },
    { key: 'n', label: t('col_n'), text: (d) => fmt.int(d.n), value: (d) => d.n, numeric: true },
  ];
  return chartFigure({
    id: o.id,
    title: o.title ?? t('chart_group_comparison', { indicator: ui.indicatorName(o.indicator), year: o.year }),
    unit: fmt.unit(measure.unit),
    n: ui.list(rows.map((d) => `${name(d)} ${fmt.int(d.n)}`)),
    plot,
    rows,
    columns,
    ui,
  });
}
