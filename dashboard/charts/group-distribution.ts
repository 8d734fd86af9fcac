import * as Plot from '@observablehq/plot';
import type { GroupId } from '../../contract/indicators.ts';
import type { Ui } from '../i18n/ui.ts';
import { median } from 'd3';
import { chartFigure, type Column } from './chart-figure.ts';
import { GROUP_COLORS } from './palette.ts';
import { labelMargin, PLOT_DEFAULTS } from './plot-defaults.ts';

/** One community (or sub-region) with its group and value. */
export interface UnitValue {
  code: string;
  name: string;
  group: GroupId;
  value: number;
}

/** Options of the distribution chart. */
export interface GroupDistributionOptions {
  ui: Ui;
  indicator: string;
  year: number;
  /** Whether the units are communities (else sub-regions), for the title. */
  communities: boolean;
  groups: readonly GroupId[];
  id?: string;
  title?: string;
  width?: number;
}

const defaults = { id: 'distribution', width: 640, facetHeight: 78, r: 3.5 };

/** Every unit as a dot, one row per group, with the group's median as a rule. */
export function groupDistributionChart(data: readonly UnitValue[], options: GroupDistributionOptions): HTMLElement {
  const o = { ...defaults, ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const measure = ui.indicator(o.indicator);
  const groups = o.groups.filter((g) => data.some((d) => d.group === g));
  const rows = [...data].sort((x, y) => groups.indexOf(x.group) - groups.indexOf(y.group) || x.value - y.value);
  const medians = groups.map((group) => ({
    group,
    value: median(rows.filter((d) => d.group === group).map((d) => d.value))!,
  }));
  const name = (d: { group: GroupId }) => ui.groupName(d.group);
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: Math.max(1, groups.length) * o.facetHeight + 40,
    marginLeft: labelMargin(groups.map((g) => ui.groupName(g))),
    x: { label: null, grid: true, nice: true, inset: 12, tickFormat: (v: number) => fmt.bare(measure, v) },
    fy: { label: null, domain: groups.map((g) => ui.groupName(g)), padding: 0.15 },
    color: { domain: Object.keys(GROUP_COLORS), range: Object.values(GROUP_COLORS) },
    marks: [
      Plot.frame({ strokeOpacity: 0.15 }),
      Plot.dot(
        rows,
        Plot.dodgeY(
          { anchor: 'middle', padding: 1 },
          {
            x: 'value',
            fy: name,
            fill: 'group',
            r: o.r,
            fillOpacity: 0.8,
            title: (d: UnitValue) => `${d.name}: ${fmt.value(measure, d.value)}`,
          },
        ),
      ),
      Plot.ruleX(medians, { x: 'value', fy: name, stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '4,3' }),
    ],
  });
  const columns: Column<UnitValue>[] = [
    { key: 'name', label: t('col_name'), text: (d) => d.name },
    { key: 'code', label: t('col_code'), text: (d) => d.code },
    { key: 'group', label: t('col_group'), text: name },
    {
      key: 'value',
      label: t('col_value'),
      text: (d) => fmt.value(measure, d.value),
      value: (d) => d.value,
      numeric: true,
    },
  ];
  const indicator = ui.indicatorName(o.indicator);
  return chartFigure({
    id: o.id,
    title:
      o.title ??
      t(o.communities ? 'chart_distribution_communities' : 'chart_distribution_regions', { indicator, year: o.year }),
    unit: fmt.unit(measure.unit),
    n: ui.list(groups.map((g) => `${ui.groupName(g)} ${fmt.int(rows.filter((d) => d.group === g).length)}`)),
    plot,
    note: ui.list(medians.map((m) => t('median_of', { group: name(m), value: fmt.value(measure, m.value) }))),
    rows,
    columns,
    ui,
  });
}
