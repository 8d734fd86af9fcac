import type { PageId } from '../state/view-state.ts';
import type { Page } from '../ui/page.ts';

/**
 * Every page by its id, each loaded on first use: a page's module (and the charts only it draws) is a
 * chunk of its own, so opening one page does not download the code of the others.
 */
export const PAGE_LOADERS: Record<PageId, () => Promise<Page>> = {
  overview: async () => (await import('./overview.ts')).overviewPage,
  gaps: async () => (await import('./gaps.ts')).gapsPage,
  industry: async () => (await import('./industry.ts')).industryPage,
  facilities: async () => (await import('./facilities.ts')).facilitiesPage,
  staffing: async () => (await import('./staffing.ts')).staffingPage,
  funding: async () => (await import('./funding.ts')).fundingPage,
  standards: async () => (await import('./standards.ts')).standardsPage,
  community: async () => (await import('./community.ts')).communityPage,
  quality: async () => (await import('./quality.ts')).qualityPage,
  runs: async () => (await import('./runs.ts')).runsPage,
  method: async () => (await import('./method.ts')).methodPage,
  brief: async () => (await import('./brief.ts')).briefPage,
};
