import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../pipeline/cli-error.ts';
import { openWarehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline, type PipelineOptions } from '../../../pipeline/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

const live = (site: string) =>
  (JSON.parse(readFileSync(join(site, 'data', 'current.json'), 'utf8')) as { version: string }).version;

async function query(warehouse: string, sql: string): Promise<Record<string, unknown>[]> {
  const w = await openWarehouse(warehouse);
  try {
    return await runSql(w.connection, sql);
  } finally {
    w.close();
  }
}

/** Runs and returns the CliError the run failed with (or fails the test if it did not). */
async function failure(options: PipelineOptions): Promise<CliError> {
  try {
    await runPipeline(options);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error('the run did not fail');
}

describe('a run never publishes a collapse', () => {
  const dir = tempDir('cb-removal-');
  const inbox = join(dir, 'inbox');
  const site = join(dir, 'site');
  const warehouse = join(dir, 'warehouse.duckdb');
  let minute = 0;
  const options = (extra: Partial<PipelineOptions> = {}): PipelineOptions => ({
    inbox,
    warehouse,
    site,
    now: new Date(FIXTURE_NOW.getTime() + 60_000 * minute++),
    logger: memoryLogger(),
    ...extra,
  });
  let otherCounty: string;

  beforeAll(async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    await runPipeline(options());
    // One funding row of a third county, so that county can lose its last row while funding loses little.
    const [row] = await query(
      warehouse,
      "select code from registry_community where code like '610203%' order by code limit 1",
    );
    otherCounty = row!.code as string;
    writeFileSync(
      join(inbox, 'funding', 'yintai.csv'),
      `community_code,year,source,category,amount\n${otherCounty},2019,county,work,30000\n`,
    );
    await runPipeline(options());
  });

  it('refuses an empty inbox folder (a share that did not mount), exit 1, the last version live', async () => {
    const before = live(site);
    const empty = join(dir, 'empty-share');
    mkdirSync(empty);
    const error = await failure(options({ inbox: empty }));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(
      `inbox is empty: ${empty} has no data file under communities/, facilities/, staff/, funding/ or wages/; if it is a network share, check that it is mounted and run again; to forget every row on purpose, run with --allow-removal`,
    );
    expect(live(site)).toBe(before);
    const [n] = await query(warehouse, 'select count(*)::integer as n from stg_communities');
    expect(n!.n).toBeGreaterThan(0);
  });

  it('refuses a run that would remove more than 20% of a dataset, naming it and the files', async () => {
    const before = live(site);
    const moved = join(dir, 'funding_wan.csv');
    cpSync(join(inbox, 'funding', 'funding_wan.csv'), moved);
    rmSync(join(inbox, 'funding', 'funding_wan.csv'));
    const error = await failure(options()).finally(() => cpSync(moved, join(inbox, 'funding', 'funding_wan.csv')));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /^this run would remove too much, nothing was loaded or published: funding from (\d+) to (\d+) kept rows \(-\d+%\)/,
    );
    expect(error.message).toContain('files removed or replaced: funding/funding_wan.csv');
    expect(error.message).toContain('run again with --allow-removal');
    expect(live(site)).toBe(before);
  });

  it('refuses a run that would leave a county that had data with none, and names the county', async () => {
    const before = live(site);
    rmSync(join(inbox, 'funding', 'yintai.csv'));
    const error = await failure(options());
    expect(error.message).toContain('counties left with no rows: 610203 印台区 funding (had 1)');
    expect(error.message).not.toContain('funding from');
    expect(live(site)).toBe(before);
  });

  it('accepts the removal knowingly with --allow-removal', async () => {
    const result = await runPipeline(options({ allowRemoval: true }));
    expect(result.noop).toBe(false);
    expect(result.changes?.rows_removed).toEqual({ funding: 1 });
    expect(live(site)).toBe(result.version);
  });

  it('refuses to run without the worker-id salt once workers were hashed, saying how to restore it', async () => {
    const salt = join(dir, 'worker-id.salt');
    const saved = readFileSync(salt, 'utf8');
    const [workers] = await query(warehouse, 'select count(distinct worker_id)::integer as n from stg_staff');
    rmSync(salt);
    writeFileSync(
      join(inbox, 'staff', 'late.csv'),
      'worker_id,community_code,role,hired_on\nM-Z9,610202005001,grid,2020-01-01\n',
    );
    const error = await failure(options());
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /^worker-id salt is missing: .*worker-id\.salt: the warehouse holds \d+ staff rows whose worker ids were hashed with it/,
    );
    expect(error.message).toContain('Restore worker-id.salt from the backup');
    expect(error.message).toContain('run once with --new-salt');
    expect(existsSync(salt)).toBe(false);
    // --new-salt makes a new one and hashes every staff row again: no worker is counted twice.
    await runPipeline(options({ newSalt: true }));
    expect(readFileSync(salt, 'utf8')).not.toBe(saved);
    const [after] = await query(warehouse, 'select count(distinct worker_id)::integer as n from stg_staff');
    expect(after!.n).toBe((workers!.n as number) + 1);
  });
});
