import { chartFigure, type Column } from '../charts/chart-figure.ts';
import type { GroupRow } from '../../contract/published-types.ts';
import type { GroupId } from '../../contract/indicators.ts';
import type { PageContext } from '../ui/page-context.ts';

/** Several indicators by group in one table figure: each group's value and n. */
export function groupTable(
  ctx: PageContext,
  id: string,
  title: string,
  indicators: readonly string[],
  groups: readonly GroupRow[],
): HTMLElement {
  const { ui, state, store } = ctx;
  const { t, fmt } = ui;
  const ofYear = groups.filter((g) => g.year === state.year);
  const cell = (indicator: string, group: GroupId) =>
    ofYear.find((g) => g.indicator === indicator && g.group === group);
  const columns: Column<string>[] = [
    { key: 'indicator', label: t('col_indicator'), text: (i) => ui.indicatorName(i) },
    ...store.manifest.groups.flatMap((group): Column<string>[] => [
      {
        key: group,
        label: ui.groupName(group),
        text: (i) => fmt.value(ui.indicator(i), cell(i, group)?.value),
        value: (i) => cell(i, group)?.value ?? null,
        numeric: true,
      },
      {
        key: `n_${group}`,
        label: `${ui.groupName(group)} ${t('col_n')}`,
        text: (i) => fmt.int(cell(i, group)?.n ?? 0),
        value: (i) => cell(i, group)?.n ?? 0,
        numeric: true,
      },
    ]),
  ];
  return chartFigure({ id, title, plot: null, rows: [...indicators], columns, ui });
}
