import { gapRankingChart } from '../charts/gap-ranking.ts';
import { gapTrendChart } from '../charts/gap-trend.ts';
import { groupComparisonChart } from '../charts/group-comparison.ts';
import { regionSlice } from '../data/region-slice.ts';
import { kpiCards } from '../sections/kpi-cards.ts';
import { regionMap } from '../sections/region-map.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';

/** 总览: headline gaps, the selected indicator by group, its trend, and the sub-regions ranked by gap. */
export const overviewPage: Page = {
  needs: { year: true, indicator: true, gap: true },
  async render(ctx) {
    const { store, ui, state } = ctx;
    const [gaps, groups, map] = await Promise.all([
      regionSlice(store, ctx.region, 'gaps'),
      regionSlice(store, ctx.region, 'groups'),
      regionMap(ctx, state.gap),
    ]);
    const groupsOfYear = store.manifest.groups.map((group) => {
      const row = groups.own.find((g) => g.year === state.year && g.indicator === state.indicator && g.group === group);
      return { group, value: row?.value ?? null, n: row?.n ?? 0 };
    });
    const pair = store.manifest.gaps[state.gap];
    const children = gaps.children.filter(
      (g) => g.year === state.year && g.indicator === state.indicator && g.gap === state.gap,
    );
    return [
      kpiCards(ctx, gaps.own),
      map,
      groupComparisonChart(groupsOfYear, { ui, indicator: state.indicator, year: state.year }),
      gapTrendChart(
        gaps.own.filter((g) => g.indicator === state.indicator && g.gap === state.gap),
        { ui, indicator: state.indicator, gap: state.gap, groups: pair },
      ),
      children.length
        ? gapRankingChart(children, { ui, indicator: state.indicator, gap: state.gap, year: state.year, groups: pair })
        : regionLevel(ctx.region) === 'township'
          ? null
          : note(ui.t('note_no_children')),
    ].filter((n) => n !== null);
  },
};
