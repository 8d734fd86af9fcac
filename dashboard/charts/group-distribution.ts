import * as Plot from '@observablehq/plot';
import { extent, scaleLinear } from 'd3';
import type { GroupId } from '../../contract/indicators.ts';
import type { Ui } from '../i18n/ui.ts';
import { median } from 'd3';
import { chartFigure, type Column } from './chart-figure.ts';
import { GROUP_COLORS } from './palette.ts';
import { swarmRadius } from './swarm-radius.ts';
import { chartWidth, labelMargin, PLOT_DEFAULTS } from './plot-defaults.ts';

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
  const o = { ...defaults, width: chartWidth(), ...options };
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
  const marginLeft = labelMargin(groups.map((g) => ui.groupName(g)));
  // A 0/1 indicator of communities (has a library or not) is two piles, not a distribution: show
  // how many have it and how many do not, on a 0-100% axis.
  const yesNo = o.communities && measure.kind === 'share' && rows.every((d) => d.value === 0 || d.value === 1);
  const plot = yesNo
    ? yesNoPlot(rows, groups, { ...o, marginLeft, name })
    : swarmPlot(rows, groups, medians, {
        ...o,
        marginLeft,
        name,
        format: (v) => fmt.bare(measure, v),
        valueText: (v) => fmt.value(measure, v),
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
    note: yesNo
      ? null
      : ui.list(medians.map((m) => t('median_of', { group: name(m), value: fmt.value(measure, m.value) }))),
    rows,
    columns,
    ui,
  });
}

interface PlotFrame {
  ui: Ui;
  width: number;
  facetHeight: number;
  marginLeft: number;
  name: (d: { group: GroupId }) => string;
}

const MARGIN_RIGHT = 20;
const INSET = 12;
// The part of a group's row its band gets: less the facet padding and a share of the axis margins.
const BAND = 0.78;

/** Every unit as a dot, one row per group, sized so that the densest swarm stays inside its row. */
function swarmPlot(
  rows: readonly UnitValue[],
  groups: readonly GroupId[],
  medians: readonly { group: GroupId; value: number }[],
  o: PlotFrame & { r: number; format: (v: number) => string; valueText: (v: number) => string },
): Element {
  const x = scaleLinear()
    .domain(extent(rows, (d) => d.value) as [number, number])
    .nice()
    .range([o.marginLeft + INSET, o.width - MARGIN_RIGHT - INSET]);
  const fits = groups.map((g) =>
    swarmRadius(
      rows.filter((d) => d.group === g).map((d) => x(d.value)),
      BAND * o.facetHeight - 8,
      { max: o.r, padding: 1 },
    ),
  );
  const r = Math.min(...fits.map((f) => f.r));
  const facetHeight = Math.max(o.facetHeight, ...fits.map((f) => Math.ceil((f.height + 8) / BAND)));
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: Math.max(1, groups.length) * facetHeight + 40,
    marginLeft: o.marginLeft,
    marginRight: MARGIN_RIGHT,
    x: { label: null, grid: true, nice: true, inset: INSET, tickFormat: o.format },
    fy: { label: null, domain: groups.map((g) => o.ui.groupName(g)), padding: 0.15 },
    color: { domain: Object.keys(GROUP_COLORS), range: Object.values(GROUP_COLORS) },
    marks: [
      Plot.frame({ strokeOpacity: 0.15 }),
      Plot.dot(
        rows,
        Plot.dodgeY(
          { anchor: 'middle', padding: 1 },
          {
            x: 'value',
            fy: o.name,
            fill: 'group',
            r,
            fillOpacity: 0.8,
            title: (d: UnitValue) => `${d.name}: ${o.valueText(d.value)}`,
          },
        ),
      ),
      Plot.ruleX(medians, { x: 'value', fy: o.name, stroke: 'currentColor', strokeWidth: 2, strokeDasharray: '4,3' }),
    ],
  });
}

/** Per group, the share of units with the thing (1) and without it (0), labelled with their counts. */
function yesNoPlot(rows: readonly UnitValue[], groups: readonly GroupId[], o: PlotFrame): Element {
  const { t, fmt } = o.ui;
  const counts = groups.flatMap((group) => {
    const of = rows.filter((d) => d.group === group);
    const yes = of.filter((d) => d.value === 1).length;
    return [
      { group, has: t('yes'), count: yes, share: yes / of.length },
      { group, has: t('no'), count: of.length - yes, share: (of.length - yes) / of.length },
    ];
  });
  type Count = (typeof counts)[number];
  const stack = { x: 'count', y: o.name, z: 'has', order: [t('yes'), t('no')], offset: 'normalize' as const };
  return Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: Math.max(1, groups.length) * 44 + 40,
    marginLeft: o.marginLeft,
    marginRight: MARGIN_RIGHT,
    x: { label: null, domain: [0, 1], grid: true, tickFormat: (v: number) => fmt.pct(v) },
    y: { label: null, domain: groups.map((g) => o.ui.groupName(g)), padding: 0.2 },
    marks: [
      Plot.barX(
        counts,
        Plot.stackX({
          ...stack,
          fill: (d: Count) => (d.has === t('yes') ? GROUP_COLORS[d.group] : 'none'),
          stroke: (d: Count) => GROUP_COLORS[d.group],
          title: (d: Count) => `${o.ui.groupName(d.group)} · ${d.has}: ${fmt.int(d.count)} (${fmt.pct(d.share)})`,
        }),
      ),
      Plot.text(
        counts.filter((d) => d.count > 0),
        Plot.stackX({
          ...stack,
          text: (d: Count) => `${d.has} ${fmt.int(d.count)}`,
          fill: (d: Count) => (d.has === t('yes') ? 'white' : 'currentColor'),
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
}
