import { gapTrendChart } from '../charts/gap-trend.ts';
import { groupComparisonChart } from '../charts/group-comparison.ts';
import { turnoverWageChart, type WageTurnover } from '../charts/turnover-wage.ts';
import { narrowestGroup } from '../../contract/indicators.ts';
import { measureOf } from '../data/measure-of.ts';
import { localCommunities } from '../data/local-communities.ts';
import { regionSlice } from '../data/region-slice.ts';
import { groupTable } from '../sections/group-table.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';
import { themedIndicator, type ThemedIndicator } from '../state/themed-indicator.ts';

/** The staffing indicators, opening on turnover. */
const STAFFING: ThemedIndicator = { theme: 'staffing', fallback: 'turnover_rate' };

/**
 * 队伍: staffing, turnover, pay and insurance by group; turnover against pay, per community at a county
 * or township and per sub-region's group above; the trend of the selected staffing indicator.
 */
export const staffingPage: Page = {
  needs: { year: true, indicator: STAFFING, gap: true },
  async render(ctx) {
    const { store, ui, state, tree } = ctx;
    const { t } = ui;
    const pair = store.manifest.gaps[state.gap];
    const staffing = store.manifest.indicators.filter((i) => i.theme === 'staffing').map((i) => i.id);
    const indicator = themedIndicator(store.manifest.indicators, state.indicator, STAFFING);
    const [groups, gaps, communities] = await Promise.all([
      regionSlice(store, ctx.region, 'groups'),
      regionSlice(store, ctx.region, 'gaps'),
      localCommunities(store, ctx.region),
    ]);
    let points: WageTurnover[];
    if (communities) {
      points = communities
        .filter(
          (c) =>
            c.year === state.year && measureOf(c, 'median_wage') !== null && measureOf(c, 'turnover_rate') !== null,
        )
        .map((c) => ({
          code: c.community_code,
          name: c.name,
          group: narrowestGroup(c),
          wage: measureOf(c, 'median_wage')!,
          turnover: measureOf(c, 'turnover_rate')!,
        }));
    } else {
      const rows = groups.children.filter((g) => g.year === state.year && (g.group === pair.a || g.group === pair.b));
      points = [];
      for (const wage of rows.filter((g) => g.indicator === 'median_wage' && g.value !== null)) {
        const turnover = rows.find(
          (g) => g.indicator === 'turnover_rate' && g.region_code === wage.region_code && g.group === wage.group,
        );
        if (turnover?.value === null || turnover === undefined) continue;
        const name = tree.get(wage.region_code)?.name ?? wage.region_code;
        points.push({
          code: wage.region_code,
          name: `${name} · ${ui.groupName(wage.group)}`,
          group: wage.group,
          wage: wage.value!,
          turnover: turnover.value,
        });
      }
    }
    return [
      groupTable(ctx, 'staffing-groups', t('chart_staffing_groups', { year: state.year }), staffing, groups.own),
      points.length ? turnoverWageChart(points, { ui, year: state.year }) : note(t('no_data')),
      groupComparisonChart(
        store.manifest.groups.map((group) => {
          const row = groups.own.find((g) => g.year === state.year && g.indicator === indicator && g.group === group);
          return { group, value: row?.value ?? null, n: row?.n ?? 0 };
        }),
        { ui, indicator, year: state.year },
      ),
      gapTrendChart(
        gaps.own.filter((g) => g.indicator === indicator && g.gap === state.gap),
        { ui, indicator, gap: state.gap, groups: pair },
      ),
    ];
  },
};
