import * as Plot from '@observablehq/plot';
import type { GroupId } from '../../contract/indicators.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { GROUP_COLORS, GROUP_SYMBOLS } from './palette.ts';
import { chartWidth, PLOT_DEFAULTS } from './plot-defaults.ts';

/** A community (or a group in a sub-region) with its median wage and its staff turnover. */
export interface WageTurnover {
  code: string;
  name: string;
  group: GroupId;
  wage: number;
  turnover: number;
}

/** Options of the turnover-against-wage chart. */
export interface TurnoverWageOptions {
  ui: Ui;
  year: number;
  id?: string;
  title?: string;
  width?: number;
  height?: number;
}

const defaults = { id: 'turnover-wage', width: 640, height: 360, r: 4.5, marginBottom: 48 };

/** Turnover against median monthly wage, one dot per unit, coloured and shaped by group. */
export function turnoverWageChart(data: readonly WageTurnover[], options: TurnoverWageOptions): HTMLElement {
  const o = { ...defaults, width: chartWidth(), ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const wage = ui.indicator('median_wage');
  const turnover = ui.indicator('turnover_rate');
  const groups = (Object.keys(GROUP_COLORS) as GroupId[]).filter((g) => data.some((d) => d.group === g));
  const name = (d: WageTurnover) => ui.groupName(d.group);
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: o.height,
    grid: true,
    marginBottom: o.marginBottom,
    x: {
      labelAnchor: 'center',
      labelOffset: 40,
      label: t('with_note', { text: ui.indicatorName('median_wage'), note: fmt.unit(wage.unit) }),
      nice: true,
      tickFormat: (v: number) => fmt.num(v),
    },
    y: { label: ui.indicatorName('turnover_rate'), nice: true, zero: true, tickFormat: (v: number) => fmt.pct(v) },
    color: { domain: groups.map((g) => ui.groupName(g)), range: groups.map((g) => GROUP_COLORS[g]) },
    symbol: { domain: groups.map((g) => ui.groupName(g)), range: groups.map((g) => GROUP_SYMBOLS[g]) },
    marks: [
      Plot.dot(data, {
        x: 'wage',
        y: 'turnover',
        fill: name,
        symbol: name,
        r: o.r,
        fillOpacity: 0.85,
        title: (d: WageTurnover) => `${d.name}: ${fmt.value(wage, d.wage)}, ${fmt.value(turnover, d.turnover)}`,
      }),
    ],
  });
  const legend = Plot.legend({
    color: { type: 'ordinal', domain: groups.map((g) => ui.groupName(g)), range: groups.map((g) => GROUP_COLORS[g]) },
    className: 'cb-legend',
  });
  const columns: Column<WageTurnover>[] = [
    { key: 'name', label: t('col_name'), text: (d) => d.name },
    { key: 'code', label: t('col_code'), text: (d) => d.code },
    { key: 'group', label: t('col_group'), text: name },
    {
      key: 'median_wage',
      label: t('col_wage'),
      text: (d) => fmt.value(wage, d.wage),
      value: (d) => d.wage,
      numeric: true,
    },
    {
      key: 'turnover_rate',
      label: t('col_turnover'),
      text: (d) => fmt.value(turnover, d.turnover),
      value: (d) => d.turnover,
      numeric: true,
    },
  ];
  return chartFigure({
    id: o.id,
    title: o.title ?? t('chart_turnover_wage', { year: o.year }),
    unit: `${fmt.unit(wage.unit)} · %`,
    n: ui.list(groups.map((g) => `${ui.groupName(g)} ${fmt.int(data.filter((d) => d.group === g).length)}`)),
    plot,
    legend,
    rows: data,
    columns,
    ui,
  });
}
