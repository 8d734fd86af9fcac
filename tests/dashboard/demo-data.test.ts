import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled, type DashboardSite } from './dashboard-site.ts';
import { startDemoDashboard } from './demo-site.ts';

const PAGES = [
  'overview',
  'gaps',
  'industry',
  'facilities',
  'staffing',
  'funding',
  'standards',
  'community',
  'quality',
  'runs',
  'method',
];

// The synthetic demo data (tests/dashboard/demo-site.ts): every format bureaus use, bad rows to
// quarantine, and the synthetic flag the banner follows.
describe('the dashboard over the demo data', () => {
  let site: DashboardSite;
  beforeAll(async () => {
    site = await startDemoDashboard();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('loads every page from the nation down to a community without a console error, under the 示例数据 banner', async () => {
    const { page, errors } = await site.open('?page=community&region=610202&year=2020&lang=zh');
    const community = await page.locator('[data-chart="community-table"] tbody tr').first().getAttribute('data-region');
    expect(community).toMatch(/^610202\d{6}$/);
    for (const region of ['CN', '610204', community!]) {
      await page.goto(
        `${site.url}?page=overview&region=${region}&year=2020&indicator=cov_service_center&gap=urban_rural&lang=zh`,
      );
      await settled(page);
      for (const name of PAGES) {
        await page.locator(`.page-nav a[data-page="${name}"]`).click();
        await settled(page);
        expect(errors, `${name} at ${region}`).toEqual([]);
        expect(await page.locator('main .error').count(), `${name} at ${region}`).toBe(0);
        expect(await page.locator('.synthetic-banner').textContent(), `${name} at ${region}`).toContain('示例数据');
      }
    }
    expect(await page.locator('main [data-chart]').count()).toBeGreaterThan(0);
  });

  it('accounts for the quarantined demo rows on the data-quality page', async () => {
    const { page, errors } = await site.open('?page=quality&region=6102&year=2020&lang=en');
    expect(await page.locator('.synthetic-banner').textContent()).toContain('Synthetic data');
    const [read, kept, quarantined] = (await page.locator('.quality-totals').getAttribute('data-totals'))!
      .split(/[=+]/)
      .map(Number);
    expect(read).toBe(kept! + quarantined!);
    expect(quarantined).toBeGreaterThan(0);
    const byRule = await page.locator('[data-chart="quarantine-by-rule"] td[data-key="value"]').allTextContents();
    expect(byRule.map((n) => Number(n.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(quarantined);
    expect(errors).toEqual([]);
  });
});
