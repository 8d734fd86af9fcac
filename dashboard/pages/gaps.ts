import { gapExplorer } from '../sections/gap-explorer.ts';
import { regionMap } from '../sections/region-map.ts';
import type { Page } from '../ui/page.ts';

/** 城乡差距: the gap explorer for the selected gap (urban − rural by default). */
export const gapsPage: Page = {
  needs: { year: true, indicator: true, gap: true },
  async render(ctx) {
    const [map, explorer] = await Promise.all([regionMap(ctx, ctx.state.gap), gapExplorer(ctx, ctx.state.gap)]);
    return map ? [map, ...explorer] : explorer;
  },
};
