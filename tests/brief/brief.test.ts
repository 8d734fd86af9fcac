import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../tools/build-site.ts';
import { printBriefs } from '../../tools/brief/cli.ts';
import { launchChromium } from '../../tools/serve/chromium.ts';
import { DEMO_DEFAULTS, generateDemoInbox } from '../../tools/demo/generate.ts';
import { memoryLogger } from '../../pipeline/logger.ts';
import { runPipeline } from '../../pipeline/run/run-pipeline.ts';
import { serveStatic, type StaticServer } from '../../tools/serve/static-server.ts';
import { FIXTURE_NOW, tempDir } from '../helpers/fixtures.ts';
import { runBriefCli } from '../helpers/run-cli.ts';

// The whole seed-scale demo inbox (the five seed places, 2015-2024), published and built once.
describe('the inspection brief over the demo data', () => {
  const dir = tempDir('cb-brief-');
  const site = join(dir, 'site');
  let server: StaticServer;
  let browser: Browser;
  let counties: string[];

  beforeAll(async () => {
    const inbox = join(dir, 'inbox');
    await generateDemoInbox({ ...DEMO_DEFAULTS, out: inbox });
    const [result] = await Promise.all([
      runPipeline({ inbox, warehouse: join(dir, 'warehouse.duckdb'), site, logger: memoryLogger(), now: FIXTURE_NOW }),
      buildSite(site),
    ]);
    expect(result.synthetic).toBe(true);
    server = await serveStatic(site);
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.close();
    const { tableFromIPC } = await import('apache-arrow');
    const { readFileSync } = await import('node:fs');
    const regions = tableFromIPC(readFileSync(join(site, 'data', result.version, 'regions.arrow')))
      .toArray()
      .map((r) => r.toJSON() as { level: string; code: string });
    counties = regions.filter((r) => r.level === 'county').map((r) => r.code);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(region: string, year: number) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}?page=brief&region=${region}&year=${year}`);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, errors };
  }

  it("states Tongchuan's 72 urban and 359 rural communities in 2019, as seed 000 reports", async () => {
    const { page, errors } = await open('6102', 2019);
    expect(await page.locator('.brief-title').textContent()).toBe('铜川市城乡社区治理视察简报（2019年）');
    expect(await page.locator('.brief-counts').textContent()).toMatch(/^共有城镇社区 72 个、农村社区 359 个/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names three to six communities in Tongchuan to visit, each with its reason and township', async () => {
    const { page } = await open('6102', 2019);
    const visits = await page.locator('.brief-visit').evaluateAll((nodes) =>
      nodes.map((n) => ({
        code: n.getAttribute('data-code'),
        reason: n.querySelector('.brief-reason')?.textContent ?? '',
        township: n.querySelectorAll('p')[1]?.textContent ?? '',
      })),
    );
    expect(visits.length).toBeGreaterThanOrEqual(3);
    expect(visits.length).toBeLessThanOrEqual(6);
    for (const v of visits) {
      expect(v.code).toMatch(/^6102\d{8}$/);
      expect(v.reason.length).toBeGreaterThan(5);
      expect(v.township).toMatch(/^所属乡镇（街道）：\S+/);
    }
    expect(new Set(visits.map((v) => v.code)).size).toBe(visits.length);
    await page.close();
  });

  it('renders for every county of the demo data without an error', async () => {
    expect(counties.length).toBeGreaterThanOrEqual(20);
    for (const county of counties) {
      const { page, errors } = await open(county, 2024);
      expect(await page.locator('.brief-title').count(), county).toBe(1);
      expect(errors, county).toEqual([]);
      await page.close();
    }
  });

  it('prints A4 with extractable Chinese text, embedded fonts and nothing wider than the page', async () => {
    const out = join(dir, 'brief-6102-2019.pdf');
    const [title] = await printBriefs(server.url, [{ region: '6102', year: 2019, lang: 'zh', out }], browser);
    expect(title).toBe('铜川市城乡社区治理视察简报（2019年）');
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const heading of [
      '一、基本情况',
      '二、城乡差距',
      '三、存在问题',
      '四、建议视察点位',
      '五、数据说明',
      '示例数据',
    ])
      expect(text).toContain(heading);
    expect(text).toMatch(/\b1 ?\/ ?\d+/); // page numbers in the footer
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.split(/\s+/).at(-5)).toBe('yes');
    // A4 less the 14 mm side margins, at 96 px to the inch.
    const width = Math.floor(((210 - 28) / 25.4) * 96);
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}?page=brief&region=6102&year=2019`);
    await page.waitForSelector('body[data-ready="true"]');
    const widest = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('.brief *')].map((e) => e.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(width + 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.close();
  });

  it('prints from the command line, and refuses a code that is not a city or county', async () => {
    const ok = await runBriefCli([
      '--region',
      '610202',
      '--year',
      '2019',
      '--site',
      site,
      '--out',
      join(dir, 'wangyi.pdf'),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${join(dir, 'wangyi.pdf')}: 王益区城乡社区治理视察简报（2019年）`);
    const bad = await runBriefCli(['--region', '61', '--year', '2019', '--site', site]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--region must be a 4-digit city or 6-digit county code: 61');
  });
});
