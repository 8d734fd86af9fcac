import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline } from '../../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

const HEADER = 'community_code,year,households,population\n';

describe('the rows a run reports as added and removed', () => {
  const dir = tempDir('cb-run-changes-');
  const inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'communities'), { recursive: true });
  const logger = memoryLogger();
  const run = () =>
    runPipeline({
      inbox,
      warehouse: join(dir, 'warehouse.duckdb'),
      site: join(dir, 'site'),
      config: fixture('pipeline-lenient.json'),
      now: FIXTURE_NOW,
      logger,
    });
  const drop = (name: string, rows: string) => writeFileSync(join(inbox, 'communities', name), HEADER + rows);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the rows kept, not the rows read: a quarantined row never came in', async () => {
    drop('a.csv', '610202001001,2023,1200,3000\n610202001002,2023,abc,3000\n610202001003,2023,900,2500\n');
    const first = await run();
    expect(first.changes).toMatchObject({ rows_added: { communities: 2 }, rows_removed: {} });
  });

  it('counts as removed the kept rows a new file’s conflicting duplicate sends to quarantine', async () => {
    drop('b.csv', '610202001001,2023,1300,3000\n610202002001,2023,800,2000\n');
    const second = await run();
    // b.csv brings 610202002001; its 610202001001 conflicts with a.csv's, so both go to quarantine.
    expect(second.changes).toMatchObject({ rows_added: { communities: 1 }, rows_removed: { communities: 1 } });
  });

  it('counts a removed file’s kept rows as removed, and a conflict it leaves behind as resolved', async () => {
    rmSync(join(inbox, 'communities', 'b.csv'));
    const third = await run();
    // 610202002001 leaves with b.csv; a.csv's 610202001001 has no rival any more and is kept again.
    expect(third.changes).toMatchObject({
      rows_added: { communities: 1 },
      rows_removed: { communities: 1 },
      files_removed: 1,
    });
  });
});
