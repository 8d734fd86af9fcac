import type { GapId } from '../../contract/indicators.ts';
import { chartFigure, type Column } from '../charts/chart-figure.ts';
import { hiddenGapText } from '../charts/gap-text.ts';
import type { MemberGapRow as GapRow } from '../data/empty-groups.ts';
import type { PageContext } from '../ui/page-context.ts';

interface Line {
  indicator: string;
  row: GapRow | undefined;
}

/** Every indicator's gap in a region and year, as a table figure (its CSV is the table). */
export function allGapsTable(ctx: PageContext, gaps: readonly GapRow[], gap: GapId): HTMLElement {
  const { ui, state, store } = ctx;
  const { t, fmt } = ui;
  const { a, b } = store.manifest.gaps[gap];
  const lines: Line[] = store.manifest.indicators.map((i) => ({
    indicator: i.id,
    row: gaps.find((g) => g.indicator === i.id && g.year === state.year && g.gap === gap),
  }));
  const m = (l: Line) => ui.indicator(l.indicator);
  const hidden = (l: Line) => !l.row || l.row.suppressed;
  const columns: Column<Line>[] = [
    { key: 'indicator', label: t('col_indicator'), text: (l) => ui.indicatorName(l.indicator) },
    {
      key: 'value_a',
      label: ui.groupName(a),
      text: (l) => fmt.value(m(l), l.row?.value_a),
      value: (l) => l.row?.value_a ?? null,
      numeric: true,
    },
    {
      key: 'n_a',
      label: `${ui.groupName(a)} ${t('col_n')}`,
      text: (l) => fmt.int(l.row?.n_a ?? 0),
      value: (l) => l.row?.n_a ?? 0,
      numeric: true,
    },
    {
      key: 'value_b',
      label: ui.groupName(b),
      text: (l) => fmt.value(m(l), l.row?.value_b),
      value: (l) => l.row?.value_b ?? null,
      numeric: true,
    },
    {
      key: 'n_b',
      label: `${ui.groupName(b)} ${t('col_n')}`,
      text: (l) => fmt.int(l.row?.n_b ?? 0),
      value: (l) => l.row?.n_b ?? 0,
      numeric: true,
    },
    {
      key: 'diff',
      label: t('col_diff'),
      text: (l) => (!l.row ? t('no_data') : (hiddenGapText(ui, l.row, { a, b }) ?? fmt.diff(m(l), l.row.diff))),
      value: (l) => (hidden(l) ? null : l.row!.diff),
      numeric: true,
    },
    {
      key: 'ratio',
      label: t('col_ratio'),
      text: (l) => (!l.row ? t('no_data') : (hiddenGapText(ui, l.row, { a, b }) ?? fmt.ratio(l.row.ratio))),
      value: (l) => (hidden(l) ? null : l.row!.ratio),
      numeric: true,
    },
    {
      key: 'diff_change_prev',
      label: t('col_change_prev'),
      text: (l) => (hidden(l) ? fmt.missing : fmt.diff(m(l), l.row!.diff_change_prev)),
      value: (l) => (hidden(l) ? null : l.row!.diff_change_prev),
      numeric: true,
    },
    {
      key: 'suppressed',
      label: t('suppressed'),
      text: (l) => (l.row?.suppressed ? t('yes') : t('no')),
      value: (l) => l.row?.suppressed ?? null,
    },
  ];
  return chartFigure({
    id: `all-gaps-${gap}`,
    title: t('chart_all_gaps', { gap: t(`gap_${gap}`), year: state.year }),
    note: t('footer_note', { n: store.manifest.min_group_n }),
    plot: null,
    rows: lines,
    columns,
    ui,
  });
}
