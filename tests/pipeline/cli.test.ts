import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../pipeline/db/run-sql-file.ts';
import { fixture, tempDir } from '../helpers/fixtures.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** Runs the pipeline CLI as the nightly job would, returning its exit code and output. */
async function pipeline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run pipeline', () => {
  const dir = tempDir('cb-cli-');
  const common = [
    '--warehouse',
    join(dir, 'warehouse.duckdb'),
    '--site',
    join(dir, 'site'),
    '--config',
    fixture('pipeline-lenient.json'),
  ];
  let first: Awaited<ReturnType<typeof pipeline>>;

  beforeAll(async () => {
    first = await pipeline('--inbox', fixture('inbox-mixed'), ...common);
  });

  it('prints usage with --help and exits 0', async () => {
    const r = await pipeline('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run pipeline -- [options]');
    expect(r.stdout).toContain('75 another run holds the lock');
  });

  it('exits 2 on a bad command line, saying what is wrong', async () => {
    const r = await pipeline('--inbx', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad command line: .*--inbx/);
  });

  it('loads a fixture inbox, prints a progress line per file and the accounting, and exits 0', () => {
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(
      'communities/wangcang_2016_gbk.csv (csv, gb18030): 3 rows read, 1 failed row checks',
    );
    expect(first.stdout).toContain('rows: 41 read = 22 kept + 19 quarantined');
    expect(first.stdout).toContain('  communities: unknown_county: 1');
  });

  it('fails with exit 1 naming the file and the missing column, and publishes nothing', async () => {
    const current = readFileSync(join(dir, 'site/data/current.json'), 'utf8');
    const r = await pipeline('--inbox', fixture('inbox-missing-column'), ...common);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing required column in communities/no_households.csv: households (户数)');
    expect(r.stderr).toContain('nothing was loaded');
    expect(readFileSync(join(dir, 'site/data/current.json'), 'utf8')).toBe(current);
  });

  it('fails with exit 1 on a binary file named .csv, saying what it looks like', async () => {
    const r = await pipeline('--inbox', fixture('inbox-binary'), ...common);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a text file: communities/scan.csv is an image');
  });

  it('keeps the last good load in the warehouse after failed runs, and logs them as failed', async () => {
    const warehouse = await openWarehouse(join(dir, 'warehouse.duckdb'));
    try {
      const [counts] = await runSql(
        warehouse.connection,
        'select (select count(*) from stg_communities)::integer as communities, (select count(*) from inbox_file)::integer as files',
      );
      expect(counts).toEqual({ communities: 7, files: 11 });
      const log = await runSql(
        warehouse.connection,
        'select status, exit_code from run_log order by started_at, run_id',
      );
      expect(log.map((r) => r.status)).toEqual(['published', 'failed', 'failed']);
    } finally {
      warehouse.close();
    }
  });

  it('exits 1 with a clear message when the inbox does not exist', async () => {
    const r = await pipeline('--inbox', join(dir, 'nope'), ...common);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`inbox not found: ${join(dir, 'nope')}`);
  });
});
