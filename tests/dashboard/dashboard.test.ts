import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.ts';
import { settled, startDashboard, type DashboardSite } from './dashboard-site.ts';

// The dashboard over tests/fixtures/inbox-metrics (12 Tongchuan communities, 2019-2020), whose every
// figure is worked out by hand in tests/pipeline/metrics/metrics-fixture.test.ts.

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
const view = (page: string, region: string, year: number, indicator: string, extra = '') =>
  `?page=${page}&region=${region}&year=${year}&indicator=${indicator}&gap=urban_rural&lang=zh${extra}`;

/** The texts of a chart's SVG marks; a label wrapped onto several lines (tspans) is read as one. */
const markTexts = (page: Page, chart: string) =>
  page.locator(`[data-chart="${chart}"] svg text`).evaluateAll((texts) =>
    texts.map((t) => {
      const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '');
      return lines.length ? lines.join(' ') : (t.textContent ?? '');
    }),
  );

/** A chart's table as rows of cell texts. */
const tableRows = (page: Page, chart: string) =>
  page
    .locator(`[data-chart="${chart}"] table tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));

/** Clicks a chart's CSV button and returns the downloaded file's text. */
async function downloadCsv(page: Page, chart: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-chart="${chart}"] button[data-action="csv"]`).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

/** A CSV (as the dashboard writes it: BOM, CRLF, no quoted line breaks) as rows of cells. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('the dashboard over the hand-made Tongchuan inbox', () => {
  let site: DashboardSite;
  beforeAll(async () => {
    site = await startDashboard(fixture('inbox-metrics'));
  });
  afterAll(async () => {
    await site?.close();
  });

  it('loads every page at the nation, a province, a city, a county and a township without a console error', async () => {
    const { page, errors } = await site.open(null);
    for (const region of ['CN', '61', '6102', '610202', '610204101']) {
      // Open each region from its address, then go through the pages as a reader does, by the tabs.
      await page.goto(site.url + view('overview', region, 2019, 'satisfaction'));
      await settled(page);
      for (const name of PAGES) {
        await page.locator(`.page-nav a[data-page="${name}"]`).click();
        await settled(page);
        expect(new URL(page.url()).searchParams.get('page')).toBe(name);
        expect(errors, `${name} at ${region}`).toEqual([]);
        expect(await page.locator('main .error').count(), `${name} at ${region}`).toBe(0);
        expect(await page.locator('main h2').textContent()).toContain(
          (await page.locator('.breadcrumbs [aria-current="location"]').textContent())!,
        );
      }
    }
  });

  it('shows the run record: steps, data tests and per-county freshness from runs.json', async () => {
    const { page, errors } = await site.open(view('runs', 'CN', 2019, 'satisfaction'));
    const steps = await tableRows(page, 'run-steps');
    // Step names in the reader's language, the publish step included, and every step with its rows.
    expect(steps.map((r) => r[0])).toEqual([
      '读取社区名录',
      '核对收件箱文件',
      '导入与校验',
      '计算指标',
      '数据检验',
      '发布数据版本',
    ]);
    // The models compute the 24 community-years of the fixture (12 communities, 2019 and 2020).
    expect(steps[3]![2]).toBe('24');
    expect(Number(steps[5]![2]!.replace(/,/g, ''))).toBeGreaterThan(0);
    const tests = await tableRows(page, 'data-tests');
    expect(tests).toHaveLength(8);
    expect(tests.find((r) => r[0] === '隔离行比例低于设定上限')?.slice(1, 3)).toEqual(['错误', '通过']);
    const freshness = await tableRows(page, 'freshness');
    expect(freshness).toContainEqual(['社区基本情况', '610202', '王益区', expect.any(String), '0', '否']);
    expect(errors).toEqual([]);
  });

  it('profiles a community against its group median in the county and its township median', async () => {
    const { page, errors } = await site.open(view('community', '610204101205', 2019, 'satisfaction'));
    expect(await page.locator('.community-name').textContent()).toBe('王家砭村委会');
    const satisfaction = (await tableRows(page, 'community-profile')).find((r) => r[0] === '居民满意度');
    // 王家砭 90 against 耀州区's rural communities with industry (90, 85 → 87.5) and its township (→ 80).
    expect(satisfaction).toEqual(['居民满意度', '90 分', '87.5 分', '80 分']);
    expect(errors).toEqual([]);
  });

  it('compares 2019 service-centre coverage of the nation: urban 100% (n=4) against rural 80% (n=5)', async () => {
    const { page, errors } = await site.open(view('overview', 'CN', 2019, 'cov_service_center'));
    const marks = await markTexts(page, 'group-comparison');
    expect(marks).toEqual(expect.arrayContaining(['100% · n=4', '80% · n=5', '100% · n=3', '0% · n=1']));
    expect(await page.locator('[data-chart="group-comparison"] svg rect').count()).toBe(4);
    expect(await tableRows(page, 'group-comparison')).toEqual([
      ['城镇社区', '100%', '4'],
      ['农村社区', '80%', '5'],
      ['农村·有产业支撑', '100%', '3'],
      ['农村·无产业支撑', '0%', '1'],
    ]);
    const card = page.locator('.kpi[data-indicator="cov_service_center"]');
    expect(await card.locator('.kpi-value').allTextContents()).toEqual(['100%', '80%']);
    expect(await card.locator('.kpi-gap strong').textContent()).toBe('+20 个百分点');
    // Real (not synthetic) data: no 示例数据 banner.
    expect(await page.locator('.synthetic-banner').count()).toBe(0);
    expect(await markTexts(page, 'gap-trend')).toEqual(expect.arrayContaining(['+20', 'n=4 n=5']));
    expect(errors).toEqual([]);
  });

  it('shows city 6102 satisfaction as urban 82.6 (n=5) against rural 540/7 (n=7), a gap of 38.2/7', async () => {
    const { page, errors } = await site.open(view('gaps', '6102', 2019, 'satisfaction'));
    const line = (await tableRows(page, 'all-gaps-urban_rural')).find((r) => r[0] === '居民满意度');
    expect(line?.slice(0, 7)).toEqual(['居民满意度', '82.6 分', '5', '77.14 分', '7', '+5.46 分', '1.07 倍']);
    expect(await markTexts(page, 'gap-trend')).toEqual(expect.arrayContaining(['+5.46', 'n=5 n=7', '+5.29']));
    expect(errors).toEqual([]);
  });

  it('reads 样本不足 for a suppressed gap and never shows it as a number', async () => {
    // 王益区 2019 satisfaction: urban 81.25 (n=4), rural 80 (n=2): the gap is suppressed.
    const { page, errors } = await site.open(view('overview', '610202', 2019, 'satisfaction'));
    expect(await page.locator('.kpi[data-indicator="satisfaction"] .kpi-gap strong').textContent()).toBe('样本不足');
    expect(await markTexts(page, 'gap-trend')).toEqual(expect.arrayContaining(['样本不足', 'n=4 n=2']));
    const trend = await tableRows(page, 'gap-trend');
    expect(trend[0]).toEqual(['2019', '81.25 分', '4', '80 分', '2', '样本不足', '样本不足', '是']);
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\+1\.25|1\.02 倍/);
    await page.goto(site.url + view('gaps', '610202', 2019, 'satisfaction'));
    await settled(page);
    const line = (await tableRows(page, 'all-gaps-urban_rural')).find((r) => r[0] === '居民满意度');
    expect(line?.slice(5, 7)).toEqual(['样本不足', '样本不足']);
    expect(errors).toEqual([]);
  });

  it('downloads as CSV exactly the figures a chart shows, with a BOM for Excel', async () => {
    const { page } = await site.open(view('overview', 'CN', 2019, 'cov_service_center'));
    const csv = await downloadCsv(page, 'group-comparison');
    expect(csv.startsWith('\ufeff')).toBe(true);
    // Headings in the reader's language (units in them), machine names in the second row, the view's
    // region, year and indicator as columns, shares as the percentages shown.
    const lead = ['CN', '全国', '2019', '综合服务中心覆盖率'];
    expect(parseCsv(csv)).toEqual([
      ['地区代码', '地区', '年份', '指标', '组别', '数值（%）', '样本数'],
      ['region_code', 'region', 'year', 'indicator', 'group', 'value', 'n'],
      [...lead, '城镇社区', '100', '4'],
      [...lead, '农村社区', '80', '5'],
      [...lead, '农村·有产业支撑', '100', '3'],
      [...lead, '农村·无产业支撑', '0', '1'],
    ]);
    // Every CSV value is the one drawn: 100 → "100% · n=4", 80 → "80% · n=5".
    const marks = await markTexts(page, 'group-comparison');
    for (const row of parseCsv(csv).slice(2)) expect(marks).toContain(`${row[5]}% · n=${row[6]}`);

    await page.goto(site.url + view('overview', '610202', 2019, 'satisfaction'));
    await settled(page);
    const trend = parseCsv(await downloadCsv(page, 'gap-trend'));
    expect(trend[1]).toEqual([
      'region_code',
      'region',
      'indicator',
      'year',
      'value_a',
      'n_a',
      'value_b',
      'n_b',
      'diff',
      'ratio',
      'suppressed',
    ]);
    // The suppressed gap is empty in the CSV too, never a number.
    expect(trend[2]).toEqual(['610202', '王益区', '居民满意度', '2019', '81.25', '4', '80', '2', '', '', 'true']);
    const shown = await tableRows(page, 'gap-trend');
    expect(trend.length - 2).toBe(shown.length);
  });

  it('sums funding sources for the region shown: a township apart from its county, a community as its township', async () => {
    const sources = async (region: string) => {
      const { page, errors } = await site.open(view('funding', region, 2019, 'funding_per_household'));
      const present = await page.locator('[data-chart="funding-source"]').count();
      const rows = present
        ? parseCsv(await downloadCsv(page, 'funding-source'))
            .slice(2)
            // After the view's region code and name, year and indicator: group, part, amount.
            .map((row) => row.slice(4, 7))
        : null;
      const note = await page.locator('main').textContent();
      expect(errors).toEqual([]);
      return { rows, note: note ?? '' };
    };
    // County 610202: the urban communities' funds in township 005 (2019): county 45,000 + 45,000 + 30,000,
    // city 100,000 (10 万元), linked units 5,000 (0.5 万元).
    const county = await sources('610202');
    expect(county.rows).toEqual([
      ['城镇社区', '县级财政', '120000'],
      ['城镇社区', '市级财政', '100000'],
      ['城镇社区', '挂钩/共建单位', '5000'],
    ]);
    // Township 610202002 (川口社区 only) reported no funding: it must not show its county's.
    const township = await sources('610202002');
    expect(township.rows).toBeNull();
    expect(township.note).toContain('该年没有经费明细');
    // A community selected on this page shows its township's totals, and says so.
    const community = await sources('610202005002');
    expect(community.rows).toEqual(county.rows);
    expect(community.note).toContain('本页显示它所在乡镇（街道）的数据');
  });

  it('offers on a themed page only the indicators it draws, selecting the one drawn', async () => {
    // Arriving from the overview with a facility indicator, the funding page draws funding per household.
    const { page, errors } = await site.open(view('funding', '6102', 2019, 'cov_service_center'));
    const select = page.locator('#select-indicator');
    expect(await select.inputValue()).toBe('funding_per_household');
    expect(await select.locator('option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value))).toEqual([
      'funding_per_household',
      'work_funds',
      'self_raised_share',
    ]);
    await select.selectOption('work_funds');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('indicator')).toBe('work_funds');
    expect(
      await page
        .locator('[data-chart="group-comparison"] figcaption, [data-chart="group-comparison"] h3')
        .first()
        .textContent(),
    ).toContain('工作经费');
    expect(errors).toEqual([]);
  });

  it('exports a chart as a standalone SVG and as a PNG image', async () => {
    const { page, errors } = await site.open(view('overview', 'CN', 2019, 'cov_service_center'));
    const save = async (action: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-chart="group-comparison"] button[data-action="${action}"]`).click(),
      ]);
      return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
    };
    const svg = await save('svg');
    expect(svg.name).toBe('全国-CN_综合服务中心覆盖率_2019_group-comparison.svg');
    const markup = svg.bytes.toString('utf8');
    expect(markup).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(markup).toContain('80% · n=5');
    const png = await save('png');
    expect(png.name).toBe('全国-CN_综合服务中心覆盖率_2019_group-comparison.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(2000);
    expect(errors).toEqual([]);
  });

  it('fetches only the national shards for the national overview, even when the year or indicator changes', async () => {
    const { page, context } = await site.open(null);
    const requested: string[] = [];
    context.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.url + view('overview', 'CN', 2019, 'cov_service_center'));
    await settled(page);
    await page.selectOption('#select-year', '2020');
    await settled(page);
    await page.selectOption('#select-indicator', 'satisfaction');
    await settled(page);
    const data = requested.filter((p) => p.startsWith('/data/'));
    const v = site.version;
    const allowed = new RegExp(
      `^/data/(current\\.json|${v}/(manifest\\.json|regions\\.arrow|region/CN/[a-z-]+\\.arrow))$`,
    );
    expect(data.filter((p) => !allowed.test(p))).toEqual([]);
    expect(data).toContain(`/data/${v}/region/CN/groups.arrow`);
    expect(data.some((p) => /communities|search\/|region\/\d/.test(p))).toBe(false);
  });

  it('asks for the data pointer, the manifest and the region tree from the page itself, and the app takes them over', async () => {
    const { page, context, errors } = await site.open(null);
    const requested: string[] = [];
    context.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.url + view('overview', 'CN', 2019, 'cov_service_center'));
    await settled(page);
    const v = site.version;
    // index.html's inline script asked for them while the app's code loaded; the app used those
    // responses (none is left untaken) rather than asking again.
    const early = await page.evaluate(() => {
      const e = (window as unknown as { cbEarly?: { fetches: Map<string, unknown> } }).cbEarly;
      return e ? e.fetches.size : null;
    });
    expect(early).toBe(0);
    for (const file of ['/data/current.json', `/data/${v}/manifest.json`, `/data/${v}/regions.arrow`])
      expect(
        requested.filter((p) => p === file),
        file,
      ).toHaveLength(1);
    // The national groups shard is asked for beside them, before the region tree is read.
    expect(requested.filter((p) => p === `/data/${v}/region/CN/groups.arrow`)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('draws the map, the first chart, on its own before the charts below it, and swaps a changed view in whole', async () => {
    const { page, errors } = await site.open(null);
    // Every time a chart enters the page: which charts are there then, and whether any part is still to come.
    await page.addInitScript(() => {
      const seen: { charts: string[]; pending: number }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      let last = '';
      new MutationObserver(() => {
        const charts = [...document.querySelectorAll('figure[data-chart]')].map((f) => f.getAttribute('data-chart')!);
        if (charts.join() === last) return;
        last = charts.join();
        seen.push({ charts, pending: document.querySelectorAll('.pending-section').length });
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(site.url + view('overview', 'CN', 2019, 'cov_service_center'));
    await settled(page);
    const seen = () =>
      page.evaluate(() => (window as unknown as { seen: { charts: string[]; pending: number }[] }).seen);
    const first = await seen();
    // The map came alone, with the charts below it still to draw; then each of them in turn.
    expect(first[0]).toEqual({ charts: ['map-province'], pending: 3 });
    expect(first.at(-1)).toEqual({
      charts: ['map-province', 'group-comparison', 'gap-trend', 'gap-ranking'],
      pending: 0,
    });
    expect(first).toHaveLength(4);
    // A changed selector keeps the drawn view until the next one is drawn whole: no part comes later.
    await page.evaluate(() => ((window as unknown as { seen: unknown[] }).seen.length = 0));
    await page.selectOption('#select-year', '2020');
    await settled(page);
    const changed = await seen();
    expect(changed).toHaveLength(1);
    expect(changed[0]!.pending).toBe(0);
    expect(changed[0]!.charts[0]).toBe('map-province');
    expect(await page.locator('.pending-section').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps the whole view in the URL: a copied link reopens it, and back and forward work', async () => {
    const { page, errors } = await site.open(view('overview', 'CN', 2019, 'cov_service_center'));
    await page.locator('.child-links a', { hasText: '陕西省' }).click();
    await settled(page);
    await page.locator('.child-links a', { hasText: '铜川市' }).click();
    await settled(page);
    await page.locator('.page-nav a[data-page="gaps"]').click();
    await settled(page);
    await page.selectOption('#select-year', '2020');
    await settled(page);
    await page.selectOption('#select-indicator', 'satisfaction');
    await settled(page);
    await page.selectOption('#select-gap', 'industry');
    await settled(page);
    const link = page.url();
    expect(new URL(link).search).toBe('?page=gaps&region=6102&year=2020&indicator=satisfaction&gap=industry&lang=zh');
    const snapshot = async (p: Page) => ({
      heading: await p.locator('main h2').textContent(),
      crumbs: await p.locator('.breadcrumbs li').allTextContents(),
      selects: await p.locator('.selectors select').evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value)),
      charts: await p.locator('[data-chart] h3').allTextContents(),
      current: await p.locator('.page-nav [aria-current="page"]').textContent(),
    });
    const before = await snapshot(page);
    const { page: reopened } = await site.open(new URL(link).search);
    expect(await snapshot(reopened)).toEqual(before);
    expect(before.selects).toEqual(['2020', 'satisfaction', 'industry']);

    await page.goBack();
    await settled(page);
    expect(await page.locator('#select-gap').inputValue()).toBe('urban_rural');
    await page.goBack();
    await settled(page);
    expect(await page.locator('#select-indicator').inputValue()).toBe('cov_service_center');
    await page.goForward();
    await settled(page);
    expect(await page.locator('#select-indicator').inputValue()).toBe('satisfaction');
    expect(errors).toEqual([]);
  });

  it('switches every UI text between Chinese and English', async () => {
    const { page, errors } = await site.open(view('overview', '610202', 2019, 'satisfaction'));
    const han = /\p{Script=Han}/u;
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('.page-nav a').first().textContent()).toBe('总览');
    await page.locator('.lang-switch').click();
    await settled(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator('.page-nav a').allTextContents()).toEqual([
      'Overview',
      'Urban–rural gaps',
      'Industry support',
      'Facilities',
      'Staffing',
      'Funding',
      'Standards',
      'Community',
      'Compare',
      'Data quality',
      'Runs',
      'Methodology',
      'Inspection brief',
    ]);
    // Apart from region names (data) and the switch back (中文), no Chinese is left in the interface.
    const texts = await page
      .locator(
        '[data-chart] h3, [data-chart] th, [data-chart] button, [data-chart] summary, .kpi, label, footer, .page-nav',
      )
      .allTextContents();
    expect(texts.filter((t) => han.test(t))).toEqual([]);
    expect(await page.locator('.kpi[data-indicator="satisfaction"] .kpi-gap strong').textContent()).toBe(
      'sample too small',
    );
    expect(await markTexts(page, 'gap-trend')).toContain('sample too small');
    expect(await page.locator('.lang-switch').textContent()).toBe('中文');
    await page.locator('.lang-switch').click();
    await settled(page);
    expect(await page.locator('.page-nav a').first().textContent()).toBe('总览');
    expect(errors).toEqual([]);
  });

  it('finds a community by name or code and opens its profile', async () => {
    const { page, errors } = await site.open(view('overview', '6102', 2019, 'satisfaction'));
    await page.fill('#search', '王家砭');
    await page.locator('#search-results a', { hasText: '王家砭村委会' }).click();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('region')).toBe('610204101205');
    expect(new URL(page.url()).searchParams.get('page')).toBe('community');
    await page.fill('#search', '610202');
    await expect.poll(() => page.locator('#search-results a').first().textContent()).toContain('王益区');
    expect(errors).toEqual([]);
  });

  it('tests a region against a standard outside its scope, with edited thresholds in the URL', async () => {
    // What if 王益区 applied Yizheng's service-centre rule, then a laxer one.
    const { page, errors } = await site.open(
      view('standards', '610202', 2019, 'satisfaction', '&standard=service_center_area'),
    );
    const counts = async () =>
      Object.fromEntries((await tableRows(page, 'what-if-summary')).map(([label, n]) => [label, n]));
    expect(await counts()).toEqual({ 达标: '2', 未达标: '2', 未知: '2' });
    await page.fill('input[data-check="service_area_per_100hh:min"]', '15');
    await page.locator('input[data-check="service_area_per_100hh:min"]').press('Enter');
    await page.locator('input[data-check="service_area_per_100hh:min"]').blur();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('checks')).toBe(
      'service_center_area_m2:400:,service_area_per_100hh:15:',
    );
    expect(await counts()).toEqual({ 达标: '3', 未达标: '1', 未知: '2' });
    expect(errors).toEqual([]);
  });

  it('reaches the pages and the selectors from the keyboard', async () => {
    const { page } = await site.open(view('overview', 'CN', 2019, 'cov_service_center'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(
          () => (document.activeElement as HTMLElement).dataset.focusKey ?? document.activeElement!.id ?? '',
        ),
      );
    }
    expect([...reached]).toEqual(
      expect.arrayContaining(['lang', 'page-gaps', 'page-method', 'select-year', 'select-indicator', 'search']),
    );
    await page.focus('.page-nav a[data-page="gaps"]');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('page')).toBe('gaps');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focusKey)).toBe('page-gaps');
  });
});
