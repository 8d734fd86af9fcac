import { join } from 'node:path';
import { memoryLogger } from '../../pipeline/logger.ts';
import { generateDemoInbox } from '../../tools/demo/generate.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { startDashboard, type DashboardSite } from './dashboard-site.ts';

/**
 * The dashboard over the synthetic demo inbox, cut to Tongchuan's 王益区 and 耀州区 over 2018-2020 to
 * stay quick: every format bureaus use, bad rows to quarantine, the synthetic flag, and a nation, a
 * province, a city and two counties to walk.
 */
export async function startDemoDashboard(): Promise<DashboardSite> {
  const inbox = join(tempDir('cb-dashboard-demo-'), 'inbox');
  await generateDemoInbox({
    scale: 'seed',
    years: [2018, 2020],
    out: inbox,
    seed: 1,
    onlyPrefixes: ['610202', '610204'],
    logger: memoryLogger(),
  });
  return startDashboard(inbox);
}
