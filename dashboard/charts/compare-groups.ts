import * as Plot from '@observablehq/plot';
import type { GapId, GroupId } from '../../contract/indicators.ts';
import type { MemberGapRow } from '../data/empty-groups.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { hiddenGapText } from './gap-text.ts';
import { GROUP_COLORS } from './palette.ts';
import { chartWidth, labelMargin, PLOT_DEFAULTS } from './plot-defaults.ts';

/** One compared region with its gap row of the year (undefined: no data). */
export interface ComparedGap {
  code: string;
  /** The region's label, unique among those compared. */
  name: string;
  row: MemberGapRow | undefined;
}

/** Options of the side-by-side group chart. */
export interface CompareGroupsOptions {
  ui: Ui;
  indicator: string;
  gap: GapId;
  year: number;
  groups: { a: GroupId; b: GroupId };
  id?: string;
  width?: number;
}

const defaults = { id: 'compare-groups', width: 640, rowHeight: 26, marginRight: 130 };

interface Bar {
  region: string;
  group: GroupId;
  value: number | null;
  n: number;
}

/**
 * The two groups' values in each compared region, one panel per region, each bar labelled with its
 * value and n and each panel with its gap (or why there is none).
 */
export function compareGroupsChart(data: readonly ComparedGap[], options: CompareGroupsOptions): HTMLElement {
  const o = { ...defaults, width: chartWidth(), ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const measure = ui.indicator(o.indicator);
  const sides = [o.groups.a, o.groups.b] as const;
  const bars: Bar[] = data.flatMap((d) =>
    sides.map((group, i) => ({
      region: d.name,
      group,
      value: (i === 0 ? d.row?.value_a : d.row?.value_b) ?? null,
      n: (i === 0 ? d.row?.n_a : d.row?.n_b) ?? 0,
    })),
  );
  const gapText = (d: ComparedGap) =>
    !d.row ? t('no_data') : (hiddenGapText(ui, d.row, o.groups) ?? fmt.diff(measure, d.row.diff));
  const label = (b: Bar) =>
    b.value === null ? t('no_data') : `${fmt.bare(measure, b.value)} · ${t('n_eq', { n: fmt.int(b.n) })}`;
  const known = bars.filter((b) => b.value !== null);
  const groupName = (b: { group: GroupId }) => ui.groupName(b.group);
  const marginLeft = labelMargin(sides.map((g) => ui.groupName(g)));
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: data.length * (2 * o.rowHeight + 34) + 40,
    marginLeft,
    marginRight: o.marginRight,
    marginTop: 24,
    x: {
      label: null,
      grid: true,
      nice: true,
      ...(measure.kind === 'share' ? { domain: [0, Math.max(1, ...known.map((b) => b.value!))] } : {}),
      tickFormat: (v: number) => fmt.bare(measure, v),
    },
    y: { label: null, domain: sides.map((g) => ui.groupName(g)), padding: 0.2 },
    fy: { label: null, domain: data.map((d) => d.name), axis: null, padding: 0.35 },
    color: { domain: Object.keys(GROUP_COLORS), range: Object.values(GROUP_COLORS) },
    marks: [
      Plot.barX(known, { x: 'value', y: groupName, fy: 'region', fill: 'group', title: label }),
      Plot.ruleX([0]),
      Plot.text(bars, {
        x: (b: Bar) => b.value ?? 0,
        y: groupName,
        fy: 'region',
        text: label,
        textAnchor: 'start',
        dx: 6,
        fill: 'currentColor',
      }),
      // Each panel is named over its top-left corner and states its gap at the top right.
      Plot.text(data, {
        fy: 'name',
        frameAnchor: 'top-left',
        dx: -marginLeft,
        dy: -14,
        text: 'name',
        textAnchor: 'start',
        fill: 'currentColor',
        fontWeight: 600,
        className: 'compare-region',
      }),
      Plot.text(data, {
        fy: 'name',
        frameAnchor: 'top-right',
        dy: -14,
        text: (d: ComparedGap) => t('label_colon', { label: t('col_diff') }) + gapText(d),
        fill: 'currentColor',
        fontWeight: 600,
        className: 'compare-gap',
      }),
    ],
  });
  const a = ui.groupName(o.groups.a);
  const b = ui.groupName(o.groups.b);
  const columns: Column<ComparedGap>[] = [
    { key: 'region', label: t('col_region'), text: (d) => d.name },
    { key: 'code', label: t('col_code'), text: (d) => d.code },
    {
      key: 'value_a',
      label: a,
      text: (d) => fmt.value(measure, d.row?.value_a),
      value: (d) => d.row?.value_a ?? null,
      numeric: true,
    },
    {
      key: 'n_a',
      label: `${a} ${t('col_n')}`,
      text: (d) => fmt.int(d.row?.n_a ?? 0),
      value: (d) => d.row?.n_a ?? 0,
      numeric: true,
    },
    {
      key: 'value_b',
      label: b,
      text: (d) => fmt.value(measure, d.row?.value_b),
      value: (d) => d.row?.value_b ?? null,
      numeric: true,
    },
    {
      key: 'n_b',
      label: `${b} ${t('col_n')}`,
      text: (d) => fmt.int(d.row?.n_b ?? 0),
      value: (d) => d.row?.n_b ?? 0,
      numeric: true,
    },
    {
      key: 'diff',
      label: t('col_diff'),
      text: gapText,
      value: (d) => (d.row && !d.row.suppressed ? d.row.diff : null),
      numeric: true,
    },
  ];
  return chartFigure({
    id: o.id,
    title: t('chart_compare_groups', {
      indicator: ui.indicatorName(o.indicator),
      gap: ui.gapName(o.gap),
      year: o.year,
    }),
    unit: fmt.unit(measure.unit),
    n: ui.list(data.map((d) => `${d.name} ${fmt.int(d.row?.n_a ?? 0)}/${fmt.int(d.row?.n_b ?? 0)}`)),
    plot,
    rows: data,
    columns,
    ui,
  });
}
