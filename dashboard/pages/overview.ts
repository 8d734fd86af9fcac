import { gapRankingChart } from '../charts/gap-ranking.ts';
import { gapTrendChart } from '../charts/gap-trend.ts';
import { groupComparisonChart } from '../charts/group-comparison.ts';
import { regionGaps } from '../data/region-gaps.ts';
import { regionSlice } from '../data/region-slice.ts';
import { kpiCards } from '../sections/kpi-cards.ts';
import { regionMap } from '../sections/region-map.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { h } from '../ui/h.ts';
import { later } from '../ui/later.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';

/** 总览: headline gaps, the selected indicator by group, its trend, and the sub-regions ranked by gap. */
export const overviewPage: Page = {
  needs: { year: true, indicator: true, gap: true },
  async render(ctx) {
    const { store, ui, state } = ctx;
    // Every fetch starts now; the drawing goes top down, the map (the first chart) before the charts
    // below it.
    const groupsLoad = regionSlice(store, ctx.region, 'groups');
    const [gaps, regions] = await Promise.all([regionGaps(store, ctx.region), store.regions()]);
    const count = (level: string) => regions.filter((r) => r.level === level).length;
    const coverage =
      ctx.region === 'CN'
        ? h(
            'p',
            { class: 'nation-coverage' },
            ui.t('nation_coverage', {
              communities: ui.fmt.int(store.manifest.communities),
              counties: ui.fmt.int(count('county')),
              provinces: ui.fmt.int(count('province')),
            }),
          )
        : null;
    const pair = store.manifest.gaps[state.gap];
    const children = gaps.children.filter(
      (g) => g.year === state.year && g.indicator === state.indicator && g.gap === state.gap,
    );
    return [
      coverage,
      kpiCards(ctx, gaps.own),
      later(() => regionMap(ctx, state.gap)),
      later(async () => {
        const groups = await groupsLoad;
        const groupsOfYear = store.manifest.groups.map((group) => {
          const row = groups.own.find(
            (g) => g.year === state.year && g.indicator === state.indicator && g.group === group,
          );
          return { group, value: row?.value ?? null, n: row?.n ?? 0 };
        });
        return groupComparisonChart(groupsOfYear, { ui, indicator: state.indicator, year: state.year });
      }),
      later(() =>
        gapTrendChart(
          gaps.own.filter((g) => g.indicator === state.indicator && g.gap === state.gap),
          { ui, indicator: state.indicator, gap: state.gap, groups: pair },
        ),
      ),
      later(() =>
        children.length
          ? gapRankingChart(children, {
              ui,
              indicator: state.indicator,
              gap: state.gap,
              year: state.year,
              groups: pair,
            })
          : regionLevel(ctx.region) === 'township'
            ? null
            : note(ui.t('note_no_children')),
      ),
    ].filter((n) => n !== null);
  },
};
