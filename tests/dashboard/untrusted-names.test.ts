import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.ts';
import { settled, startDashboard, type DashboardSite } from './dashboard-site.ts';

// tests/fixtures/inbox-dashboard: the metrics inbox plus a community the registry lacks (610202005150,
// in 王益区), kept under the name its bureau reported: markup, which must stay text everywhere.
const NAME = '<img src=x onerror=alert(1)>';
const CODE = '610202005150';

describe('names from the data are text, never markup', () => {
  let site: DashboardSite;
  beforeAll(async () => {
    site = await startDashboard(fixture('inbox-dashboard'));
  });
  afterAll(async () => {
    await site?.close();
  });

  it('shows a community named <img src=x onerror=alert(1)> as text wherever it appears, firing nothing', async () => {
    const views = [
      `?page=community&region=${CODE}&year=2019&indicator=satisfaction&gap=urban_rural&lang=zh`,
      `?page=community&region=610202005&year=2019&indicator=satisfaction&gap=urban_rural&lang=zh`,
      `?page=gaps&region=610202005&year=2019&indicator=satisfaction&gap=urban_rural&lang=zh`,
      `?page=overview&region=610202005&year=2019&indicator=satisfaction&gap=urban_rural&lang=en`,
      `?page=standards&region=610202&year=2019&indicator=satisfaction&gap=urban_rural&lang=zh&standard=urban_funds`,
    ];
    const { page, errors, dialogs } = await site.open(views[0]!);
    expect(await page.locator('.community-name').textContent()).toBe(NAME);
    expect(await page.locator('.breadcrumbs [aria-current="location"]').textContent()).toBe(NAME);
    expect(await page.locator('.profile .note').textContent()).toContain('不在区划代码库中');
    for (const query of views.slice(1)) {
      await page.goto(site.url + query);
      await settled(page);
      expect(await page.locator('body').textContent(), query).toContain(NAME);
    }
    await page.goto(site.url + views[1]);
    await settled(page);
    expect(await page.locator(`.child-links a[data-region="${CODE}"]`).textContent()).toBe(NAME);
    await page.fill('#search', '<img');
    await expect.poll(() => page.locator(`#search-results a[data-region="${CODE}"] .name`).textContent()).toBe(NAME);
    await page.locator(`#search-results a[data-region="${CODE}"]`).click();
    await settled(page);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('puts the name in a chart and its CSV as the same plain text', async () => {
    const { page, dialogs } = await site.open(
      `?page=gaps&region=610202005&year=2019&indicator=satisfaction&gap=urban_rural&lang=zh`,
    );
    const cells = await page.locator('[data-chart="distribution"] td[data-key="name"]').allTextContents();
    expect(cells).toContain(NAME);
    const titles = await page.locator('[data-chart="distribution"] svg title').allTextContents();
    expect(titles.some((t) => t.startsWith(NAME))).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-chart="distribution"] button[data-action="csv"]').click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    // The view's year and indicator lead; the community's own code and name follow.
    expect(csv.split('\r\n')).toContain(`2019,居民满意度,${NAME},${CODE},城镇社区,70`);
    expect(await page.evaluate(() => document.querySelectorAll('img, [onerror]').length)).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
