import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { killAfter, killAtFailpoint, runCli } from '../../helpers/run-cli.ts';
import { fixture, tempDir } from '../../helpers/fixtures.ts';

const current = (site: string) =>
  JSON.parse(readFileSync(join(site, 'data', 'current.json'), 'utf8')) as { version: string };
const complete = (site: string) => existsSync(join(site, 'data', current(site).version, 'manifest.json'));

async function warehouseOpens(path: string): Promise<number> {
  const w = await openWarehouse(path);
  try {
    const [row] = await runSql(w.connection, 'select count(*)::integer as n from stg_communities');
    return row!.n as number;
  } finally {
    w.close();
  }
}

describe('a run killed with SIGKILL', () => {
  const dir = tempDir('cb-faults-');
  const inbox = join(dir, 'inbox');
  const site = join(dir, 'site');
  const warehouse = join(dir, 'warehouse.duckdb');
  const args = ['--inbox', inbox, '--warehouse', warehouse, '--site', site];
  let baseline: string;

  beforeAll(async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    expect((await runCli(args)).code).toBe(0);
    baseline = current(site).version;
    // New work for the killed runs: a changed communities file.
    const file = join(inbox, 'communities', 'communities.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(',2020,小街社区,,,2000,6000,82', ',2020,小街社区,,,2100,6000,82'),
    );
  });

  it.each(['ingest', 'models', 'publish'])(
    'during %s leaves the last complete version live and the warehouse readable',
    async (point) => {
      await killAtFailpoint(args, point);
      expect(current(site).version).toBe(baseline);
      expect(complete(site)).toBe(true);
      expect(await warehouseOpens(warehouse)).toBe(24);
    },
  );

  it('is followed by a run that completes and equals a clean run', async () => {
    const next = await runCli(args);
    expect(next.code).toBe(0);
    expect(current(site).version).not.toBe(baseline);
    expect(complete(site)).toBe(true);
    // No staging folder of a killed publication is left behind.
    expect(readdirSync(join(site, 'data')).filter((n) => n.startsWith('.staging'))).toEqual([]);
    const clean = join(dir, 'clean');
    expect(
      (await runCli(['--inbox', inbox, '--warehouse', join(clean, 'w.duckdb'), '--site', join(clean, 'site')])).code,
    ).toBe(0);
    for (const file of ['gaps.csv', 'group_values.csv', 'compliance.csv']) {
      const a = readFileSync(join(site, 'data', current(site).version, file), 'utf8');
      const b = readFileSync(join(clean, 'site', 'data', current(join(clean, 'site')).version, file), 'utf8');
      expect(a, file).toBe(b);
    }
  });
});

const liveRowsKept = (site: string) =>
  (
    JSON.parse(readFileSync(join(site, 'data', current(site).version, 'quality.json'), 'utf8')) as {
      totals: { rows_kept: number };
    }
  ).totals.rows_kept;

describe('a run killed at a random point after the inbox changed', () => {
  const dir = tempDir('cb-lost-update-');
  const inbox = join(dir, 'inbox');
  const site = join(dir, 'site');
  const args = ['--inbox', inbox, '--warehouse', join(dir, 'warehouse.duckdb'), '--site', site];

  it('never loses the change: the next run publishes it, 10 times out of 10', async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    expect((await runCli(args)).code).toBe(0);
    const kept = liveRowsKept(site);
    const sources = ['county', 'city', 'linked_units', 'collective', 'donation'];
    const outcomes: string[] = [];
    for (let i = 1; i <= 10; i++) {
      writeFileSync(
        join(inbox, 'funding', `late_${i}.csv`),
        `community_code,year,source,category,amount\n610202005001,2020,${sources[i % 5]},${i > 5 ? 'service' : 'work'},${1000 + i}\n`,
      );
      // Half at a named step, half after a random delay (anywhere from start-up to publication).
      const point = ['ingest', 'models', 'publish'][i % 3]!;
      const how =
        i % 2 === 0
          ? (await killAtFailpoint(args, point), `killed at ${point}`)
          : `after ${Math.round(Math.random() * 9000)} ms: ${await killAfter(args, Math.round(Math.random() * 9000))}`;
      const next = await runCli(args);
      outcomes.push(how);
      expect(next.code, `${how}\n${next.stderr}`).toBe(0);
      expect(liveRowsKept(site), `run ${i}, ${how}`).toBe(kept + i);
    }
    expect(outcomes).toHaveLength(10);
  }, 900_000);
});

// A full disk, simulated by a small tmpfs (needs root, as on CI and the dev machines).
let tiny: string | undefined;
try {
  const mount = tempDir('cb-tinyfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount], { stdio: 'ignore' });
  tiny = mount;
} catch {
  tiny = undefined;
}

describe.skipIf(!tiny)('a run whose disk is full', () => {
  const dir = tempDir('cb-full-');
  const inbox = join(dir, 'inbox');
  const site = join(tiny ?? dir, 'site');
  const args = ['--inbox', inbox, '--warehouse', join(dir, 'warehouse.duckdb'), '--site', site];
  afterAll(() => {
    if (tiny) execFileSync('umount', [tiny]);
  });

  it('exits 1 naming what failed and leaves the publication untouched', async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    expect((await runCli(args)).code).toBe(0);
    const before = current(site).version;
    // Fill the disk but for a few kilobytes, then give the run something new to publish.
    const free = statfsSync(tiny!).bavail * statfsSync(tiny!).bsize;
    mkdirSync(join(tiny!, 'filler'), { recursive: true });
    writeFileSync(join(tiny!, 'filler', 'blob'), Buffer.alloc(Math.max(0, free - 16 * 1024)));
    writeFileSync(
      join(inbox, 'funding', 'more.csv'),
      'community_code,year,source,category,amount\n610202005001,2020,county,work,46000\n',
    );
    const failed = await runCli(args);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/error: cannot publish to .*: ENOSPC; the previous version stays live/);
    expect(current(site).version).toBe(before);
    expect(complete(site)).toBe(true);
    expect(readdirSync(join(site, 'data')).filter((n) => n.startsWith('.staging'))).toEqual([]);
    // The warehouse names the version that is live, not the one that failed to publish.
    const w = await openWarehouse(join(dir, 'warehouse.duckdb'));
    try {
      const [meta] = await runSql(w.connection, "select value from meta where key = 'published_version'");
      expect(meta!.value).toBe(before);
    } finally {
      w.close();
    }
    // Once there is room again, the next run publishes the new row (it is not an unchanged no-op).
    rmSync(join(tiny!, 'filler'), { recursive: true, force: true });
    const next = await runCli(args);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).not.toContain('inbox unchanged');
    expect(current(site).version).not.toBe(before);
  });
});
