import { barListChart } from '../charts/bar-list.ts';
import { groupComparisonChart } from '../charts/group-comparison.ts';
import { localCommunities } from '../data/local-communities.ts';
import { regionSlice } from '../data/region-slice.ts';
import { gapExplorer } from '../sections/gap-explorer.ts';
import { regionMap } from '../sections/region-map.ts';
import { later } from '../ui/later.ts';
import type { Page } from '../ui/page.ts';

/**
 * 产业支撑: rural communities with industry support against those without — every group side by side,
 * then the industry gap explored; at a county or township, the kinds of industry reported.
 */
export const industryPage: Page = {
  needs: { year: true, indicator: true, gap: false },
  async render(ctx) {
    const { store, ui, state } = ctx;
    // Every fetch starts now; the map, the first chart, is drawn first and the rest after it.
    const explorer = gapExplorer(ctx, 'industry');
    const communities = localCommunities(store, ctx.region);
    const groups = regionSlice(store, ctx.region, 'groups');
    for (const load of [explorer, communities, groups]) load.catch(() => undefined);
    const comparison = async () => {
      const { own } = await groups;
      const values = store.manifest.groups.map((group) => {
        const row = own.find((g) => g.year === state.year && g.indicator === state.indicator && g.group === group);
        return { group, value: row?.value ?? null, n: row?.n ?? 0 };
      });
      return groupComparisonChart(values, { ui, indicator: state.indicator, year: state.year });
    };
    const industryTypes = async () => {
      const kinds = new Map<string, number>();
      for (const c of (await communities) ?? []) {
        if (c.year !== state.year || c.urban_rural !== 'rural' || c.has_industry !== true) continue;
        const kind = c.industry_type ?? ui.t('unknown');
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      return kinds.size
        ? barListChart(
            [...kinds].map(([label, value]) => ({ label, value })),
            {
              ui,
              id: 'industry-types',
              title: ui.t('chart_industry_types', { year: state.year }),
              labelHeading: ui.t('col_industry_type'),
              valueHeading: ui.t('col_communities'),
              n: ui.t('n_communities', { n: [...kinds.values()].reduce((a, b) => a + b, 0) }),
            },
          )
        : null;
    };
    return [later(() => regionMap(ctx, 'industry')), later(comparison), later(() => explorer), later(industryTypes)];
  },
};
