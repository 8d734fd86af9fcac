import { gapExplorer } from '../sections/gap-explorer.ts';
import { regionMap } from '../sections/region-map.ts';
import { later } from '../ui/later.ts';
import type { Page } from '../ui/page.ts';

/** 城乡差距: the gap explorer for the selected gap (urban − rural by default). */
export const gapsPage: Page = {
  needs: { year: true, indicator: true, gap: true },
  async render(ctx) {
    // The explorer's data loads while the map, the first chart, is drawn.
    const explorer = gapExplorer(ctx, ctx.state.gap);
    explorer.catch(() => undefined);
    return [later(() => regionMap(ctx, ctx.state.gap)), later(() => explorer)];
  },
};
