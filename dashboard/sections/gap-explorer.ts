import type { GapId } from '../../contract/indicators.ts';
import { gapRankingChart } from '../charts/gap-ranking.ts';
import { gapTrendChart } from '../charts/gap-trend.ts';
import { groupDistributionChart } from '../charts/group-distribution.ts';
import { theilDecompositionChart } from '../charts/theil-decomposition.ts';
import { regionGaps } from '../data/region-gaps.ts';
import { regionSlice } from '../data/region-slice.ts';
import { unitValues } from '../data/unit-values.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { later, type Section } from '../ui/later.ts';
import { note } from '../ui/note.ts';
import type { PageContext } from '../ui/page-context.ts';
import { allGapsTable } from './all-gaps-table.ts';

/**
 * A gap explored: every indicator's gap this year, the selected indicator's trend, sub-regions ranked,
 * the distribution of communities (or sub-regions) in the two groups, and the Theil decomposition —
 * the table at once, the charts each in turn.
 */
export async function gapExplorer(ctx: PageContext, gap: GapId): Promise<Section[]> {
  const { store, ui, state, tree } = ctx;
  const pair = store.manifest.gaps[gap];
  const [gaps, inequality, units] = await Promise.all([
    regionGaps(store, ctx.region),
    regionSlice(store, ctx.region, 'inequality'),
    unitValues(store, tree, ctx.region, state.indicator, state.year, [pair.a, pair.b]),
  ]);
  const children = gaps.children.filter(
    (g) => g.year === state.year && g.indicator === state.indicator && g.gap === gap,
  );
  const theil = inequality.own.filter((r) => r.indicator === state.indicator && r.theil !== null);
  const continuous = store.manifest.indicators.filter((i) => i.inequality).map((i) => i[ui.lang]);
  return [
    allGapsTable(ctx, gaps.own, gap),
    later(() =>
      gapTrendChart(
        gaps.own.filter((g) => g.indicator === state.indicator && g.gap === gap),
        { ui, indicator: state.indicator, gap, groups: pair },
      ),
    ),
    later(() =>
      children.length
        ? gapRankingChart(children, { ui, indicator: state.indicator, gap, year: state.year, groups: pair })
        : // A township's parts are communities, which have values, not gaps: the distribution shows them.
          regionLevel(ctx.region) === 'township'
          ? null
          : note(ui.t('note_no_children')),
    ),
    later(() =>
      units.rows.length
        ? groupDistributionChart(units.rows, {
            ui,
            indicator: state.indicator,
            year: state.year,
            communities: units.communities,
            groups: [pair.a, pair.b],
          })
        : note(ui.t('no_data')),
    ),
    later(() =>
      theil.length
        ? theilDecompositionChart(theil, { ui, indicator: state.indicator })
        : note(
            ui.indicator(state.indicator).inequality
              ? ui.t('note_no_inequality')
              : ui.t('note_theil_only', { list: ui.list(continuous) }),
          ),
    ),
  ];
}
