import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline, type PipelineResult } from '../../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

const DOWNLOADS = ['gaps.csv', 'group_values.csv', 'compliance.csv'];

/** Every model table's rows, without the file ids that differ between load orders. */
async function snapshot(warehousePath: string): Promise<Record<string, unknown[]>> {
  const warehouse = await openWarehouse(warehousePath);
  try {
    const out: Record<string, unknown[]> = {};
    for (const table of ['stg_communities', 'stg_facilities', 'stg_staff', 'stg_funding', 'stg_wages']) {
      out[table] = await runSql(warehouse.connection, `select * exclude (file_id) from "${table}" order by all`);
    }
    for (const table of ['community_year', 'group_value', 'gap', 'inequality', 'compliance_region', 'quarantine']) {
      out[table] = await runSql(warehouse.connection, `select * from "${table}" order by all`);
    }
    return out;
  } finally {
    warehouse.close();
  }
}

describe('incremental runs', () => {
  const dir = tempDir('cb-incremental-');
  const inbox = join(dir, 'inbox');
  const logger = memoryLogger();
  const run = (name: string, fullRefresh = false) =>
    runPipeline({
      inbox,
      warehouse: join(dir, name, 'warehouse.duckdb'),
      site: join(dir, name, 'site'),
      fullRefresh,
      // One salt for both warehouses, so worker hashes compare equal.
      saltPath: join(dir, 'worker-id.salt'),
      now: FIXTURE_NOW,
      logger,
    });
  let first: PipelineResult;
  let unchanged: PipelineResult;
  let changed: PipelineResult;

  beforeAll(async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    first = await run('incremental');
    unchanged = await run('incremental');
    // One file changed, one removed, one added.
    const communities = join(inbox, 'communities', 'communities.csv');
    writeFileSync(
      communities,
      readFileSync(communities, 'utf8').replace(
        '610202005001,2020,小街社区,,,2000,6000,82',
        '610202005001,2020,小街社区,,,2000,6000,60',
      ),
    );
    rmSync(join(inbox, 'funding', 'funding_wan.csv'));
    writeFileSync(
      join(inbox, 'funding', 'funding_2020.csv'),
      'community_code,year,source,category,amount\n610202005001,2020,county,work,46000\n',
    );
    logger.lines.length = 0;
    changed = await run('incremental');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does nothing on an unchanged inbox and says so', () => {
    expect(unchanged.noop).toBe(true);
    expect(unchanged.version).toBe(first.version);
  });

  it('reloads only the changed and added files, forgetting the removed one', () => {
    expect(changed.noop).toBe(false);
    expect(changed.changes).toMatchObject({
      files_added: 1,
      files_changed: 1,
      files_removed: 1,
      rows_added: { communities: 24, funding: 1 },
      rows_removed: { communities: 24, funding: 3 },
    });
    const loaded = logger.lines.filter((l) => / rows read, /.test(l)).map((l) => l.split(' ')[0]);
    expect(loaded).toEqual(['communities/communities.csv', 'funding/funding_2020.csv']);
    expect(logger.lines).toContain('funding/funding_wan.csv: removed from the inbox, its 3 rows forgotten');
    expect(logger.lines).toContain('4 unchanged files kept as loaded');
  });

  it('reports the largest gap moves since the previous run', () => {
    const moves = changed.changes!.gap_moves as { indicator: string; level: string; year: number }[];
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.some((m) => m.indicator === 'satisfaction' && m.year === 2020)).toBe(true);
  });

  it('leaves the warehouse and the published data equal to a full refresh of the same inbox', async () => {
    await run('full', true);
    expect(await snapshot(join(dir, 'incremental', 'warehouse.duckdb'))).toEqual(
      await snapshot(join(dir, 'full', 'warehouse.duckdb')),
    );
    const published = (name: string, version: string, file: string) =>
      readFileSync(join(dir, name, 'site', 'data', version, file), 'utf8');
    const full = JSON.parse(readFileSync(join(dir, 'full', 'site', 'data', 'current.json'), 'utf8')).version as string;
    for (const file of DOWNLOADS)
      expect(published('incremental', changed.version, file), file).toBe(published('full', full, file));
  });
});
