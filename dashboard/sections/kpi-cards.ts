import { hiddenGapText } from '../charts/gap-text.ts';
import type { MemberGapRow } from '../data/empty-groups.ts';
import { laggingSide } from '../../core/metrics/lagging-side.ts';
import { h } from '../ui/h.ts';
import type { PageContext } from '../ui/page-context.ts';
import { stateLink } from '../ui/state-link.ts';

/** The headline indicators of the overview, one per theme and then some. */
export const KEY_INDICATORS = [
  'cov_service_center',
  'funding_per_household',
  'staff_per_1000hh',
  'turnover_rate',
  'median_wage',
  'satisfaction',
];

/**
 * One card per headline indicator: both groups' values with n, and the gap, or 样本不足 when the
 * smaller group is too small. Each card links to that indicator's gap explorer.
 */
export function kpiCards(ctx: PageContext, gaps: readonly MemberGapRow[]): HTMLElement {
  const { ui, state, url, store } = ctx;
  const { t, fmt } = ui;
  const { a, b } = store.manifest.gaps[state.gap];
  // The sign of a gap does not say who is behind (for turnover +2.9 pp means urban is worse): the
  // catalogue's better direction does.
  const lagText = (row: MemberGapRow | undefined) => {
    if (!row || row.suppressed || row.diff === null) return null;
    const side = laggingSide(row.diff, ui.indicator(row.indicator).better);
    return side === null ? t('kpi_even') : t('kpi_lagging', { group: ui.groupName(side === 'a' ? a : b) });
  };
  const ids = KEY_INDICATORS.filter((id) => store.manifest.indicators.some((i) => i.id === id));
  return h(
    'section',
    { class: 'kpis page-section' },
    h('h3', { class: 'section-title' }, t('kpi_title', { year: state.year, gap: t(`gap_${state.gap}`) })),
    h(
      'ul',
      { class: 'kpi-list' },
      ids.map((id) => {
        const measure = ui.indicator(id);
        const row = gaps.find((g) => g.indicator === id && g.year === state.year && g.gap === state.gap);
        const side = (group: string, value: number | null | undefined, n: number | null | undefined) =>
          h(
            'div',
            { class: 'kpi-side' },
            h('span', { class: 'kpi-group' }, group),
            h('span', { class: 'kpi-value' }, fmt.value(measure, value)),
            h('span', { class: 'kpi-n' }, t('n_eq', { n: fmt.int(n ?? 0) })),
          );
        return h(
          'li',
          { class: 'kpi', 'data-indicator': id },
          stateLink(
            url,
            { page: state.gap === 'industry' ? 'industry' : 'gaps', indicator: id },
            { class: 'kpi-title' },
            ui.indicatorName(id),
          ),
          h(
            'div',
            { class: 'kpi-pair' },
            side(ui.groupName(a), row?.value_a, row?.n_a),
            side(ui.groupName(b), row?.value_b, row?.n_b),
          ),
          h(
            'p',
            { class: row?.suppressed ? 'kpi-gap suppressed' : 'kpi-gap' },
            t('label_colon', { label: t('col_diff') }),
            h('strong', null, !row ? t('no_data') : (hiddenGapText(ui, row, { a, b }) ?? fmt.diff(measure, row.diff))),
          ),
          lagText(row) ? h('p', { class: 'kpi-lag' }, lagText(row)) : null,
        );
      }),
    ),
  );
}
