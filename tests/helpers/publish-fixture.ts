import { join } from 'node:path';
import { memoryLogger } from '../../pipeline/logger.ts';
import { runPipeline } from '../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, fixture } from './fixtures.ts';

/** Runs the pipeline over a fixture inbox into a folder and returns the published version's folder. */
export async function publishFixture(dir: string, inbox = 'inbox-metrics'): Promise<string> {
  const result = await runPipeline({
    inbox: fixture(inbox),
    warehouse: join(dir, 'w.duckdb'),
    site: join(dir, 'site'),
    saltPath: join(dir, 'salt'),
    now: FIXTURE_NOW,
    logger: memoryLogger(),
  });
  return join(dir, 'site', 'data', result.version);
}
