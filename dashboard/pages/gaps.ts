import { gapExplorer } from '../sections/gap-explorer.ts';
import type { Page } from '../ui/page.ts';

/** 城乡差距: the gap explorer for the selected gap (urban − rural by default). */
export const gapsPage: Page = {
  needs: { year: true, indicator: true, gap: true },
  render: (ctx) => gapExplorer(ctx, ctx.state.gap),
};
