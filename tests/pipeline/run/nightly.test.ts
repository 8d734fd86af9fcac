import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { runCli, type CliRun } from '../../helpers/run-cli.ts';
import { fixture, tempDir } from '../../helpers/fixtures.ts';

const current = (site: string) =>
  JSON.parse(readFileSync(join(site, 'data', 'current.json'), 'utf8')) as { version: string };
const versions = (site: string) =>
  readdirSync(join(site, 'data'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe('the nightly run', () => {
  const dir = tempDir('cb-nightly-');
  const inbox = join(dir, 'inbox');
  const site = join(dir, 'site');
  const warehouse = join(dir, 'warehouse.duckdb');
  const args = ['--inbox', inbox, '--warehouse', warehouse, '--site', site, '--keep', '2'];
  const runs: CliRun[] = [];
  const touch = (n: number) =>
    writeFileSync(
      join(inbox, 'funding', `extra_${n}.csv`),
      `community_code,year,source,category,amount\n610202005001,2020,${['county', 'city'][n - 1]},work,${40000 + n}\n`,
    );

  beforeAll(async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    runs.push(await runCli(args));
    touch(1);
    runs.push(await runCli([...args, '--log-format', 'json']));
    touch(2);
    runs.push(await runCli(args));
  });

  it('publishes each run as a new version and keeps only the configured number', () => {
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(versions(site)).toHaveLength(2);
    expect(versions(site)).toContain(current(site).version);
  });

  it('logs one JSON object per line with --log-format json', () => {
    const lines = runs[1]!.stderr.trim().split('\n');
    const parsed = lines.map((l) => JSON.parse(l) as { level: string; message: string; time: string });
    expect(parsed.every((p) => typeof p.time === 'string' && ['info', 'warn', 'error'].includes(p.level))).toBe(true);
    expect(parsed.some((p) => p.message.startsWith('funding/extra_1.csv (csv, utf-8): 1 rows read'))).toBe(true);
    expect(runs[1]!.stdout).toBe('');
  });

  it('publishes a run record: steps with timings, data tests, changes and freshness', () => {
    const live = current(site).version;
    const history = JSON.parse(readFileSync(join(site, 'data', live, 'runs.json'), 'utf8'));
    expect(history.runs).toHaveLength(3);
    const [latest] = history.runs;
    expect(latest).toMatchObject({
      status: 'published',
      version: live,
      changes: { files_added: 1, rows_added: { funding: 1 } },
    });
    expect(runs[2]!.stdout).toContain(
      'changes: 1 files added, 0 changed, 0 removed\nrows added: funding 1; rows removed: none',
    );
    expect(latest.steps.map((s: { step: string }) => s.step)).toEqual([
      'registry',
      'fingerprint inbox',
      'ingest',
      'models',
      'data tests',
    ]);
    expect(latest.tests.map((t: { test_id: string }) => t.test_id).sort()).toEqual([
      'accepted_values',
      'coverage_collapse',
      'funding_outliers',
      'not_null',
      'quarantine_rate',
      'relationships',
      'reporting_coverage',
      'unique',
    ]);
    const funding = history.freshness.find(
      (f: { dataset: string; county_code: string }) => f.dataset === 'funding' && f.county_code === '610202',
    );
    expect(funding).toMatchObject({ county_name: '王益区', stale: false, age_days: 0 });
  });

  it('exits 75 with a warning naming the holder while another process has the warehouse open', async () => {
    const holder = await openWarehouse(warehouse);
    let locked: CliRun;
    try {
      writeFileSync(
        `${warehouse}.lock`,
        JSON.stringify({ pid: process.pid, host: hostname(), started_at: '2026-11-23T01:00:00Z' }),
      );
      locked = await runCli(args);
    } finally {
      holder.close();
    }
    expect(locked.code).toBe(75);
    expect(locked.stderr).toContain(
      `warning: another run holds the lock: pid ${process.pid} on ${hostname()} since 2026-11-23T01:00:00Z has the warehouse`,
    );
    expect(locked.stderr).not.toContain('error:');
  });

  it('is not blocked by a lock note of another host, of a live unrelated pid, or of an older release', async () => {
    for (const stale of [
      { pid: 1, host: 'bureau-server-old', started_at: '2026-11-23T01:00:00Z' },
      { pid: 1, host: hostname(), started_at: '2026-11-23T01:00:00Z' },
    ]) {
      writeFileSync(`${warehouse}.lock`, JSON.stringify(stale));
      const run = await runCli(args);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('inbox unchanged');
      expect(existsSync(`${warehouse}.lock`)).toBe(false);
    }
    // proper-lockfile style lock folder, as a stale lock of another tool would leave it.
    mkdirSync(`${warehouse}.lock`);
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(`${warehouse}.lock`)).toBe(false);
  });

  it('rolls back to the previous version, or to a named one', async () => {
    const [older, newer] = versions(site);
    expect(current(site).version).toBe(newer);
    const back = await runCli(['rollback', '--site', site]);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe(`rolled back: ${older} is live\n`);
    expect(current(site).version).toBe(older);
    expect((await runCli(['rollback', newer!, '--site', site])).code).toBe(0);
    expect(current(site).version).toBe(newer);
    const missing = await runCli(['rollback', 'nope', '--site', site]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such version: nope');
  });

  it('fails a run whose quarantine rate passes the limit, publishing nothing and recording why', async () => {
    const before = current(site).version;
    const snapshot = readFileSync(join(site, 'data', before, 'runs.json'), 'utf8');
    writeFileSync(
      join(inbox, 'communities', 'bad.csv'),
      `community_code,year,households,population\n${'99999900100,2020,1,1\n'.repeat(40)}`,
    );
    const failed = await runCli(args);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'data tests failed, nothing published: quarantine_rate: rows quarantined: 40 of 117 read (34.19%; the limit is 5.0%)',
    );
    expect(current(site).version).toBe(before);
    expect(readFileSync(join(site, 'data', before, 'runs.json'), 'utf8')).toBe(snapshot);
    // The run log beside current.json shows the failed night at once, and the no-op night before it.
    const log = JSON.parse(readFileSync(join(site, 'data', 'runs.json'), 'utf8')) as {
      runs: { status: string; exit_code: number; message: string | null; version: string | null }[];
    };
    expect(log.runs[0]).toMatchObject({ status: 'failed', exit_code: 1, version: null });
    expect(log.runs[0]!.message).toContain('quarantine_rate: rows quarantined: 40 of 117 read');
    expect(log.runs[1]).toMatchObject({ status: 'unchanged', version: before });
    // The clerk still gets the accounting and every quarantined row, in a report beside the warehouse.
    expect(failed.stderr).toContain('rows: 117 read = 77 kept + 40 quarantined');
    const report = /the quarantined rows are listed in (\S+\.csv)/.exec(failed.stderr)?.[1];
    expect(report && dirname(report)).toBe(join(dirname(warehouse), 'reports'));
    const lines = readFileSync(report!, 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\ufefffile,sheet,row_number,column,rule,reason,cells');
    const bad = lines.filter((l) => l.startsWith('communities/bad.csv,'));
    expect(bad).toHaveLength(40);
    expect(bad.map((l) => l.split(',')[2])).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 2)));
    expect(bad[0]).toContain('bad_code');
    const w = await openWarehouse(warehouse);
    try {
      const [run] = await runSql(
        w.connection,
        'select status, exit_code from run_log order by started_at desc, run_id desc limit 1',
      );
      expect(run).toEqual({ status: 'failed', exit_code: 1 });
      const [test] = await runSql(
        w.connection,
        "select status from data_test_result where test_id = 'quarantine_rate' order by run_id desc limit 1",
      );
      expect(test).toEqual({ status: 'error' });
      // The failed load was rolled back: the warehouse still holds the last good inbox.
      const [files] = await runSql(
        w.connection,
        "select count(*)::integer as n from inbox_file where path = 'communities/bad.csv'",
      );
      expect(files).toEqual({ n: 0 });
    } finally {
      w.close();
    }
  });
});
