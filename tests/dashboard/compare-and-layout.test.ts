import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.ts';
import { settled, startDashboard, type DashboardSite } from './dashboard-site.ts';

// The comparison page and the chart defects of issue 14 that only a real browser shows, over the
// hand-made Tongchuan inbox (王益区 610202 and 耀州区 610204; 610202002 has one urban community only).

const view = (page: string, region: string, extra = '') =>
  `?page=${page}&region=${region}&year=2019&indicator=turnover_rate&gap=urban_rural&lang=zh${extra}`;

describe('comparison, empty groups, phone widths and unknown regions in the browser', () => {
  let site: DashboardSite;
  beforeAll(async () => {
    site = await startDashboard(fixture('inbox-metrics'));
  });
  afterAll(async () => {
    await site?.close();
  });

  it('opens a comparison from a region page, adds a region, and restores it from its permalink', async () => {
    const { page, errors } = await site.open(view('overview', '610202'));
    await page.locator('.compare-link').click();
    await settled(page);
    let url = new URL(page.url());
    expect(url.searchParams.get('page')).toBe('compare');
    expect(url.searchParams.get('compare')).toBe('610202,6102');
    await page.locator('#compare-add').fill('耀州区');
    await page.locator('#compare-add').press('Enter');
    await settled(page);
    url = new URL(page.url());
    expect(url.searchParams.get('compare')).toBe('610202,6102,610204');

    const again = await site.open(url.search);
    const chips = await again.page.locator('.compare-chips li').evaluateAll((li) => li.map((l) => l.dataset.region));
    expect(chips).toEqual(['610202', '6102', '610204']);
    const panels = await again.page
      .locator('[data-chart="compare-groups"] svg g.compare-region text')
      .allTextContents();
    expect(panels).toEqual(['王益区', '铜川市', '耀州区']);
    const gaps = await again.page.locator('[data-chart="compare-groups"] td[data-key="diff"]').allTextContents();
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toMatch(/^([+−]\d|样本不足|无)/);
    expect(await again.page.locator('[data-chart="compare-gap-trend"] .chart-plot svg').count()).toBe(1);
    expect(await again.page.locator('[data-chart="compare-all"] tbody tr').count()).toBeGreaterThan(10);
    expect(await again.page.locator('main h2').textContent()).toBe('比较 · 王益区，铜川市，耀州区');
    expect([...errors, ...again.errors]).toEqual([]);
  });

  it('says 无农村社区 for a township without rural communities, not 样本不足', async () => {
    const { page } = await site.open(view('gaps', '610202002'));
    const cells = await page.locator('[data-chart="all-gaps-urban_rural"] td[data-key="diff"]').allTextContents();
    const shown = cells.filter((c) => c !== '无数据');
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['无农村社区']));
  });

  it('KPI cards say which group lags by the indicator direction, not by the sign', async () => {
    const { page } = await site.open(view('overview', '6102'));
    const cards = await page.locator('.kpi').evaluateAll((kpis) =>
      kpis.map((k) => ({
        indicator: (k as HTMLElement).dataset.indicator!,
        gap: k.querySelector('.kpi-gap strong')!.textContent!,
        lag: k.querySelector('.kpi-lag')?.textContent ?? null,
      })),
    );
    const shown = cards.filter((c) => /^[+−]/.test(c.gap));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const card of shown) {
      // Turnover is the one headline indicator where lower is better.
      const urbanBehind = card.gap.startsWith('+') === (card.indicator === 'turnover_rate');
      expect(card.lag, `${card.indicator} ${card.gap}`).toBe(urbanBehind ? '城镇社区落后' : '农村社区落后');
    }
    for (const card of cards.filter((c) => !/^[+−]/.test(c.gap))) expect(card.lag).toBeNull();
  });

  it('at 390 px, charts and maps reflow with text of at least 10 px and the brief does not scroll sideways', async () => {
    const { page, context } = await site.open(null);
    await page.setViewportSize({ width: 390, height: 800 });
    // A map is drawn on the nation, a province and a city, for satisfaction with figures to colour by
    // (so its legend has its ticks); a county (610202) has the most charts.
    const views = ['overview', 'gaps', 'industry'].flatMap((p) =>
      ['CN', '61', '6102', '610202'].flatMap((r) => ['zh', 'en'].map((lang) => ({ p, r, lang }))),
    );
    let maps = 0;
    let ticks = 0;
    for (const { p, r, lang } of views) {
      const indicator = r === '610202' ? 'turnover_rate' : 'satisfaction';
      await page.goto(site.url + view(p, r).replace('lang=zh', `lang=${lang}`).replace('turnover_rate', indicator));
      await settled(page);
      const where = `${p} ${r} ${lang}`;
      const texts = await page.locator('main figure.chart .chart-plot > svg').evaluateAll((svgs) =>
        svgs.flatMap((svg) =>
          [...svg.querySelectorAll('text')]
            .filter((t) => t.textContent!.trim() !== '')
            .map((t) => {
              // What the text is drawn at on screen: its font size through every transform and viewBox
              // between it and the page.
              const m = t.getScreenCTM()!;
              const box = t.getBoundingClientRect();
              return {
                text: t.textContent!,
                map: svg.classList.contains('choropleth'),
                tick: t.hasAttribute('data-tick'),
                px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
                left: box.left,
                right: box.right,
              };
            }),
        ),
      );
      expect(texts.length, where).toBeGreaterThan(5);
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      for (const t of texts) {
        expect(t.px, `${where}: ${t.text}`).toBeGreaterThanOrEqual(10);
        expect(t.left, `${where}: ${t.text}`).toBeGreaterThanOrEqual(0);
        expect(t.right, `${where}: ${t.text}`).toBeLessThanOrEqual(width);
      }
      const mapTexts = texts.filter((t) => t.map);
      if (r !== '610202') {
        // The legend, the source line and the 审图号 line are all there to be measured.
        expect(
          mapTexts.some((t) => /天地图|Tianditu/.test(t.text)),
          where,
        ).toBe(true);
        expect(
          mapTexts.some((t) => /审图号|Map review number/.test(t.text)),
          where,
        ).toBe(true);
        ticks += mapTexts.filter((t) => t.tick).length;
        maps++;
      }
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll, where).toBeLessThanOrEqual(width);
    }
    expect(maps).toBe(18);
    // The legends' value ticks were among the texts measured (on the nation and the province at least).
    expect(ticks).toBeGreaterThanOrEqual(24);
    await page.goto(site.url + view('brief', '610202'));
    await settled(page);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
    const column = await page
      .locator('.brief-gaps td:first-child')
      .first()
      .evaluate((td) => td.getBoundingClientRect().width);
    expect(column).toBeGreaterThan(60);
    await context.close();
  });

  it('every page tab is inside the window and shown whole, at 1200 and 390 px, in both languages', async () => {
    const { page, context } = await site.open(null);
    for (const width of [1200, 390]) {
      await page.setViewportSize({ width, height: 800 });
      for (const lang of ['zh', 'en']) {
        await page.goto(site.url + view('overview', 'CN').replace('lang=zh', `lang=${lang}`));
        await settled(page);
        const tabs = await page.locator('#page-nav a').evaluateAll((links) =>
          links.map((a) => {
            const box = a.getBoundingClientRect();
            return {
              text: a.textContent!,
              left: box.left,
              right: box.right,
              whole: a.scrollWidth <= a.clientWidth,
              client: document.documentElement.clientWidth,
            };
          }),
        );
        expect(tabs.length).toBeGreaterThanOrEqual(12);
        for (const tab of tabs) {
          const where = `${width} ${lang} ${tab.text}`;
          expect(tab.left, where).toBeGreaterThanOrEqual(0);
          expect(tab.right, where).toBeLessThanOrEqual(tab.client);
          expect(tab.whole, where).toBe(true);
        }
      }
    }
    await context.close();
  });

  it('an unknown region says so and offers the nearest region with data; 全国 states its coverage', async () => {
    const { page } = await site.open(view('overview', '610203'));
    expect(await page.locator('main h2').textContent()).toBe('未找到地区 610203');
    expect(new URL(page.url()).searchParams.get('region')).toBe('610203');
    await page.locator('.nearest-region').click();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('region')).toBe('6102');
    expect(await page.locator('main h2').textContent()).toContain('铜川市');

    await page.goto(site.url + view('overview', 'CN'));
    await settled(page);
    expect(await page.locator('.nation-coverage').textContent()).toBe(
      '全国数据覆盖 12 个社区，分布在 1 个省（区、市）的 2 个县（市、区）。',
    );
  });

  it('finds places by pinyin and labels them in pinyin in English', async () => {
    const { page, errors } = await site.open(view('overview', 'CN'));
    await page.locator('#search').fill('wangyi');
    await page.locator('.search-results a[data-region="610202"]').waitFor();
    expect(await page.locator('.search-results a[data-region="610202"] .name').textContent()).toBe('王益区');
    await page.goto(site.url + view('overview', '610202').replace('lang=zh', 'lang=en'));
    await settled(page);
    expect(await page.locator('.breadcrumbs').textContent()).toContain('Tongchuan City');
    expect(await page.locator('main h2').textContent()).toBe('Overview · Wangyi District');
    const children = await page.locator('.child-links a').allTextContents();
    expect(children.length).toBeGreaterThan(0);
    for (const name of children) expect(name).toMatch(/^[A-Z][a-z' ]+/);
    expect(errors).toEqual([]);
  });

  it('lists communities in a sortable, filterable table at every level', async () => {
    const { page, errors } = await site.open(view('community', 'CN', '&indicator=satisfaction'));
    const table = page.locator('[data-chart="community-table"]');
    const codes = () =>
      table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.region));
    expect(await codes()).toHaveLength(12);
    // Sorted by satisfaction, highest first: the values read in order.
    await table.locator('button[data-sort="satisfaction"]').click();
    const values = (await table.locator('td[data-key="satisfaction"]').allTextContents()).map((v) => parseFloat(v));
    const known = values.filter((v) => !Number.isNaN(v));
    expect(known.length).toBeGreaterThan(5);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(await table.locator('th[aria-sort="descending"]').count()).toBe(1);
    await page.locator('#community-group').selectOption('rural');
    const rural = await table.locator('td[data-key="group"]').allTextContents();
    expect(rural.length).toBeGreaterThan(0);
    expect(rural.every((g) => g.startsWith('农村'))).toBe(true);
    await page.locator('#community-filter').fill('wangjia');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    for (const name of await table.locator('td[data-key="name"]').allTextContents()) expect(name).toMatch(/^王家/);
    await page.goto(site.url + view('community', '610204'));
    await settled(page);
    expect((await codes()).every((c) => c!.startsWith('610204'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
