import type { PageId } from '../state/view-state.ts';
import type { Page } from '../ui/page.ts';
import { briefPage } from './brief.ts';
import { communityPage } from './community.ts';
import { comparePage } from './compare.ts';
import { facilitiesPage } from './facilities.ts';
import { fundingPage } from './funding.ts';
import { gapsPage } from './gaps.ts';
import { industryPage } from './industry.ts';
import { methodPage } from './method.ts';
import { overviewPage } from './overview.ts';
import { qualityPage } from './quality.ts';
import { runsPage } from './runs.ts';
import { staffingPage } from './staffing.ts';
import { standardsPage } from './standards.ts';

/** Every page by its id. */
export const PAGE_REGISTRY: Record<PageId, Page> = {
  overview: overviewPage,
  gaps: gapsPage,
  industry: industryPage,
  facilities: facilitiesPage,
  staffing: staffingPage,
  funding: fundingPage,
  standards: standardsPage,
  community: communityPage,
  compare: comparePage,
  quality: qualityPage,
  runs: runsPage,
  method: methodPage,
  brief: briefPage,
};
