import * as Plot from '@observablehq/plot';
import type { GroupId } from '../../contract/indicators.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { chartWidth, labelMargin, PLOT_DEFAULTS, rowsHeight } from './plot-defaults.ts';

/** Funding of one group from one part (a source or a category), in yuan. */
export interface PartAmount {
  group: GroupId;
  part: string;
  amount: number;
}

/** One part of the stack: its key in the data, its name and its colour, in stacking order. */
export interface StackPart {
  key: string;
  name: string;
  color: string;
}

/** Options of the stacked funding chart. */
export interface FundingStackOptions {
  ui: Ui;
  title: string;
  groups: readonly GroupId[];
  parts: readonly StackPart[];
  partHeading: string;
  n?: string | null;
  note?: string | null;
  id?: string;
  width?: number;
}

const defaults = { id: 'funding-sources', width: 640, rowHeight: 44, minLabel: 0.07 };

/** Each group's funding split into parts, as shares of the group's total (stacked to 100%). */
export function fundingStackChart(data: readonly PartAmount[], options: FundingStackOptions): HTMLElement {
  const o = { ...defaults, width: chartWidth(), ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const parts = o.parts.filter((p) => data.some((d) => d.part === p.key));
  const groups = o.groups.filter((g) => data.some((d) => d.group === g));
  const totals = new Map(groups.map((g) => [g, data.filter((d) => d.group === g).reduce((s, d) => s + d.amount, 0)]));
  const rows = groups.flatMap((g) =>
    parts
      .flatMap((p) => data.filter((d) => d.group === g && d.part === p.key))
      .map((d) => ({ ...d, share: totals.get(d.group) ? d.amount / totals.get(d.group)! : null })),
  );
  type Row = (typeof rows)[number];
  const partName = new Map(parts.map((p) => [p.key, p.name]));
  const name = (d: { group: GroupId }) => ui.groupName(d.group);
  const color = { domain: parts.map((p) => p.name), range: parts.map((p) => p.color) };
  const stack = {
    offset: 'normalize' as const,
    x: 'amount',
    y: name,
    z: (d: Row) => partName.get(d.part)!,
    order: color.domain,
  };
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: o.width,
    height: rowsHeight(groups.length, o.rowHeight),
    marginLeft: labelMargin(groups.map((g) => ui.groupName(g))),
    x: { label: null, tickFormat: (v: number) => fmt.pct(v) },
    y: { label: null, domain: groups.map((g) => ui.groupName(g)) },
    color,
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          ...stack,
          fill: (d: Row) => partName.get(d.part)!,
          title: (d: Row) => `${partName.get(d.part)}: ${fmt.pct(d.share)}`,
        }),
      ),
      Plot.text(
        rows,
        Plot.stackX({
          ...stack,
          fill: 'white',
          text: (d: Row) => (d.share !== null && d.share >= o.minLabel ? fmt.pct(d.share) : ''),
        }),
      ),
    ],
  });
  const legend = Plot.legend({ color: { type: 'ordinal', ...color }, className: 'cb-legend' });
  const columns: Column<Row>[] = [
    { key: 'group', label: t('col_group'), text: name },
    { key: 'part', label: o.partHeading, text: (d) => partName.get(d.part)! },
    { key: 'amount', label: t('col_amount'), text: (d) => fmt.int(d.amount), value: (d) => d.amount, numeric: true },
    { key: 'share', label: t('col_share'), text: (d) => fmt.pct(d.share), value: (d) => d.share, numeric: true },
  ];
  return chartFigure({
    id: o.id,
    title: o.title,
    unit: '%',
    n: o.n ?? null,
    note: o.note ?? null,
    plot,
    legend,
    rows,
    columns,
    ui,
  });
}
