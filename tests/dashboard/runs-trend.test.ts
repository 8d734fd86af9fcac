import { appendFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers/fixtures.ts';
import { startDashboard, type DashboardSite } from './dashboard-site.ts';

// Three nights over the hand-made Tongchuan inbox: a clean run, a run that fails its quarantine-rate
// test (40 rows with 11-digit codes dropped in), and the run after the bad file was taken out and a
// clerk re-saved one file (a trailing blank line: new content, same rows), which publishes again.

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 2, 0, 0));

describe('the 运行记录 page across runs', () => {
  let site: DashboardSite;
  beforeAll(async () => {
    const dir = tempDir('cb-runs-trend-');
    const clean = join(dir, 'clean');
    const bad = join(dir, 'bad');
    const resaved = join(dir, 'resaved');
    for (const copy of [clean, bad, resaved]) cpSync(fixture('inbox-metrics'), copy, { recursive: true });
    appendFileSync(join(resaved, 'funding', 'funding_yuan.csv'), '\n');
    writeFileSync(
      join(bad, 'communities', 'bad.csv'),
      `community_code,year,households,population\n${'61020200500,2020,1,1\n'.repeat(40)}`,
    );
    site = await startDashboard(resaved, {
      earlierRuns: [
        { inbox: clean, now: day(21) },
        { inbox: bad, now: day(22), fails: true },
      ],
    });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('shows every data test of every run, the failed one included, oldest first', async () => {
    const { page, errors } = await site.open('?page=runs&region=CN&lang=zh');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-chart="test-trend"] button[data-action="csv"]').click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const rows = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    // Headings in the reader's language first, then the machine names.
    expect(rows[1]).toEqual(['run_id', 'started_at', 'test_id', 'status', 'failures']);
    const body = rows.slice(2);
    const runs = [...new Set(body.map((r) => r[0]))];
    expect(runs).toHaveLength(3);
    expect(body.map((r) => r[1]!.slice(0, 10))).toEqual([
      ...Array(8).fill('2026-11-21'),
      ...Array(8).fill('2026-11-22'),
      ...Array(8).fill('2026-11-23'),
    ]);
    const quarantine = body.filter((r) => r[2] === 'quarantine_rate').map((r) => [r[3], r[4]]);
    expect(quarantine).toEqual([
      ['pass', '0'],
      ['error', '40'],
      ['pass', '0'],
    ]);
    // A night that published after the failed one clears the failure notice.
    expect(await page.locator('.run-failed').count()).toBe(0);
    // The chart draws one cell per test and run, the failed run's quarantine-rate cell marked ✗ with its 40 rows.
    expect(await page.locator('[data-chart="test-trend"] svg g[aria-label="cell"] rect').count()).toBe(24);
    expect(await page.locator('[data-chart="test-trend"] svg g[aria-label="text"] text').allTextContents()).toContain(
      '✗ 40',
    );
    expect(errors).toEqual([]);
  });

  it('says which rows the latest run added and removed, by dataset', async () => {
    const { page, errors } = await site.open('?page=runs&region=CN&lang=zh');
    // The re-saved funding file (9 rows) came in again and its old rows went out; nothing else moved.
    const rows = await page
      .locator('[data-chart="row-changes"] table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([['funding', '9', '9']]);
    expect(errors).toEqual([]);
  });
});

describe('the 运行记录 page after a failed night', () => {
  let site: DashboardSite;
  beforeAll(async () => {
    const dir = tempDir('cb-runs-failed-');
    const bad = join(dir, 'bad');
    cpSync(fixture('inbox-metrics'), bad, { recursive: true });
    writeFileSync(
      join(bad, 'communities', 'bad.csv'),
      `community_code,year,households,population\n${'61020200500,2020,1,1\n'.repeat(40)}`,
    );
    // Published on the 23rd; the night of the 24th fails its quarantine rate and publishes nothing.
    site = await startDashboard(fixture('inbox-metrics'), { laterRuns: [{ inbox: bad, now: day(24), fails: true }] });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('says at the top that the latest run failed, why, and which version stays live', async () => {
    const { page, errors } = await site.open('?page=runs&region=CN&lang=zh');
    const notice = (await page.locator('.run-failed').textContent()) ?? '';
    expect(notice).toContain('最近一次运行');
    expect(notice).toContain(`线上仍是版本 ${site.version}`);
    expect(notice).toContain('quarantine_rate: rows quarantined: 40 of');
    const statuses = await page.locator('[data-chart="runs"] table tbody tr td:nth-child(4)').allTextContents();
    expect(statuses).toEqual(['failed', 'published']);
    await page.locator('.lang-switch').click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('.run-failed').textContent()).toContain(`version ${site.version} stays live`);
    expect(errors).toEqual([]);
  });

  it('keeps showing the live version’s run details beside the notice', async () => {
    const { page } = await site.open('?page=runs&region=CN&lang=zh');
    expect(await page.locator('[data-chart="run-steps"] table tbody tr').count()).toBe(5);
    expect(await page.locator('dl[data-version]').getAttribute('data-version')).toBe(site.version);
  });
});
