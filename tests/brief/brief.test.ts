import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../tools/build-site.ts';
import { printBriefs, writeWordBriefs } from '../../tools/brief/cli.ts';
import { launchChromium } from '../../tools/serve/chromium.ts';
import { DEMO_DEFAULTS, generateDemoInbox } from '../../tools/demo/generate.ts';
import { memoryLogger } from '../../pipeline/logger.ts';
import { runPipeline } from '../../pipeline/run/run-pipeline.ts';
import { serveStatic, type StaticServer } from '../../tools/serve/static-server.ts';
import { FIXTURE_NOW, tempDir } from '../helpers/fixtures.ts';
import { internalWords } from '../helpers/internal-words.ts';
import { runBriefCli } from '../helpers/run-cli.ts';
import { INDICATORS } from '../../contract/indicators.ts';
import type { MapTopology } from '../../contract/map-files.ts';
import { makeUi } from '../../dashboard/i18n/ui.ts';

const root = new URL('../../', import.meta.url).pathname;
const squeeze = (s: string) => s.replace(/\s+/g, '');
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** The text between two headings of a brief. */
const between = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + 1);
  expect(start, from).toBeGreaterThanOrEqual(0);
  return text.slice(start, end < 0 ? undefined : end);
};
const unzip = (file: string, part: string) => execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' });
/** The cell texts of each table of a .docx, row by row. */
function docxTables(file: string): string[][][] {
  const body = unzip(file, 'word/document.xml');
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
        decode([...c[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('')),
      ),
    ),
  );
}

// The whole seed-scale demo inbox (the five source places, 2015-2024), published and built once.
describe('the inspection brief over the demo data', () => {
  const dir = tempDir('cb-brief-');
  const site = join(dir, 'site');
  let server: StaticServer;
  let browser: Browser;
  let counties: string[];
  let version: string;
  const pdfs = new Map<string, string>();
  const words = new Map<string, string>();

  beforeAll(async () => {
    const inbox = join(dir, 'inbox');
    await generateDemoInbox({ ...DEMO_DEFAULTS, out: inbox });
    const [result] = await Promise.all([
      runPipeline({ inbox, warehouse: join(dir, 'warehouse.duckdb'), site, logger: memoryLogger(), now: FIXTURE_NOW }),
      buildSite(site),
    ]);
    expect(result.synthetic).toBe(true);
    version = result.version;
    server = await serveStatic(site);
    browser = await launchChromium();
    const { tableFromIPC } = await import('apache-arrow');
    const regions = tableFromIPC(readFileSync(join(site, 'data', result.version, 'regions.arrow')))
      .toArray()
      .map((r) => r.toJSON() as { level: string; code: string });
    counties = regions.filter((r) => r.level === 'county').map((r) => r.code);
    // The four test briefs, PDF and Word.
    const jobs = ['6102', '610202'].flatMap((region) =>
      (['zh', 'en'] as const).map((lang) => ({ region, year: 2019, lang, key: `${region}-${lang}` })),
    );
    await printBriefs(
      server.url,
      jobs.map((j) => ({ ...j, out: join(dir, `${j.key}.pdf`) })),
      browser,
    );
    await writeWordBriefs(
      server.url,
      jobs.map((j) => ({ ...j, out: join(dir, `${j.key}.docx`) })),
      browser,
    );
    for (const j of jobs) {
      pdfs.set(j.key, join(dir, `${j.key}.pdf`));
      words.set(j.key, join(dir, `${j.key}.docx`));
    }
    // The demo, the pipeline and eight briefs: minutes on a shared 2-core machine.
  }, 1_500_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(region: string, year: number, lang: 'zh' | 'en' = 'zh') {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}?page=brief&region=${region}&year=${year}&lang=${lang}`);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, errors };
  }

  it("states Tongchuan's 72 urban and 359 rural communities in 2019, as its CPPCC's report does", async () => {
    const { page, errors } = await open('6102', 2019);
    expect(await page.locator('.brief-title').textContent()).toBe('铜川市城乡社区治理视察简报（2019年）');
    expect(await page.locator('.brief-counts').textContent()).toMatch(/^共有城镇社区 72 个、农村社区 359 个/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plans three to six visits in Tongchuan by township, each with a reason and 2-4 questions', async () => {
    const { page } = await open('6102', 2019);
    const stops = await page.locator('.brief-stop').allTextContents();
    const reasons = await page.locator('.brief-reason').allTextContents();
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    expect(reasons.length).toBeLessThanOrEqual(6);
    for (const s of stops) expect(s).toMatch(/^第 \d 站：\S+/);
    expect(new Set(stops.map((s) => s.replace(/^第 \d 站：/, ''))).size).toBe(stops.length);
    for (const r of reasons) expect(r).toMatch(/\d+ 个/); // says among how many it was chosen
    const questions = await page
      .locator('ol.brief-questions')
      .evaluateAll((lists) => lists.map((l) => l.querySelectorAll('li').length));
    expect(questions.length).toBe(reasons.length);
    for (const n of questions) expect(n >= 2 && n <= 4, String(n)).toBe(true);
    await page.close();
  });

  it('renders for every county of the demo data, and for a province, without an error', async () => {
    expect(counties.length).toBeGreaterThanOrEqual(20);
    for (const county of counties) {
      const { page, errors } = await open(county, 2024);
      expect(await page.locator('.brief-title').count(), county).toBe(1);
      expect(errors, county).toEqual([]);
      await page.close();
    }
    const { page, errors } = await open('61', 2019);
    expect(await page.locator('.brief-title').textContent()).toBe('陕西省城乡社区治理视察简报（2019年）');
    expect(await page.locator('.brief-basics').textContent()).toContain('比较对象：全国其他省份');
    // A province brief maps its cities, none outlined.
    const cities = (JSON.parse(readFileSync(join(site, 'maps', 'cities', '61.json'), 'utf8')) as MapTopology).objects
      .regions.geometries.length;
    expect(cities).toBeGreaterThanOrEqual(10);
    const provinceMap = page.locator('figure.brief-map svg.choropleth');
    expect(await provinceMap.locator('path[data-code]').count()).toBe(cities);
    expect(await provinceMap.locator('[data-highlight]').count()).toBe(0);
    expect(await page.locator('figure.brief-map figcaption').textContent()).toBe(
      '陕西省各市城乡差距：综合服务中心覆盖率（2019年）',
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);

  it('prints A4 with extractable Chinese text, embedded fonts and nothing wider than the page', async () => {
    const out = pdfs.get('6102-zh')!;
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = pdfText(out);
    for (const heading of [
      '一、基本情况',
      '二、城乡差距',
      '三、存在问题',
      '四、参照',
      '五、视察安排与问题清单',
      '六、数据说明',
      '附录',
    ])
      expect(text).toContain(heading);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.split(/\s+/).at(-5)).toBe('yes');
    // A4 less the 14 mm side margins, at 96 px to the inch.
    const width = Math.floor(((210 - 28) / 25.4) * 96);
    for (const lang of ['zh', 'en']) {
      const page = await browser.newPage({ viewport: { width, height: 1000 } });
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${server.url}?page=brief&region=6102&year=2019&lang=${lang}`);
      await page.waitForSelector('body[data-ready="true"]');
      const widest = await page.evaluate(() =>
        Math.max(...[...document.querySelectorAll('.brief *')].map((e) => e.getBoundingClientRect().right)),
      );
      expect(widest, lang).toBeLessThanOrEqual(width + 0.5);
      // No word of a table breaks across lines ("indust/ry"): each word's text lies on one line.
      const broken = await page.evaluate(() => {
        const found: string[] = [];
        for (const cell of document.querySelectorAll('.brief-table th, .brief-table td')) {
          const node = cell.firstChild;
          if (!node || node.nodeType !== Node.TEXT_NODE) continue;
          const text = node.textContent ?? '';
          for (const m of text.matchAll(/[A-Za-z]{2,}/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) found.push(m[0]);
          }
        }
        return found;
      });
      expect(broken, lang).toEqual([]);
      await page.close();
    }
  });

  it('marks every page of every PDF 示例数据 and never names sources by file number, "seeds" or SPEC', () => {
    for (const [key, file] of pdfs) {
      const pages = pdfText(file)
        .split('\f')
        .filter((p) => p.trim());
      const mark = key.endsWith('-en') ? 'Synthetic data' : '示例数据';
      pages.forEach((p, i) => expect(p, `${key} page ${i + 1}`).toContain(mark));
      expect(internalWords(pages.join('\n')), key).toBeNull();
    }
  });

  it('shows the data year and the publication time separately', () => {
    const text = pdfText(pdfs.get('610202-zh')!);
    expect(text).toContain('数据年度：2019年');
    expect(text).toMatch(/发布时间：2026年11月23日 \d\d:\d\d/);
    expect(text).not.toContain('数据截至');
    expect(pdfText(pdfs.get('610202-en')!)).toMatch(/Data year: 2019 · Published: Nov 23, 2026/);
  });

  it('lists only standards in scope as problems in the Tongchuan brief; others under 参照 with their place', () => {
    const text = squeeze(pdfText(pdfs.get('6102-zh')!));
    const problems = between(text, '三、存在问题', '四、参照');
    expect(problems).not.toMatch(/旺苍|忻州|仪征/);
    expect(problems).toContain('依据：铜川市政协《城乡社区治理工作视察报告》（2019年3月）');
    expect(problems).toMatch(/431个社区中\d+个未达标/);
    const references = between(text, '四、参照', '五、视察安排');
    expect(references).toContain('若采用旺苍县的标准“每个社区办公经费不低于3万元”');
    expect(references).toContain('出处：旺苍县人民政府办公室《关于县政协十届一次会议第73号提案的答复》（2017年）');
  });

  it('compares Tongchuan, alone in its province, with the cities of the nation and says so', () => {
    const text = squeeze(pdfText(pdfs.get('6102-zh')!));
    expect(text).toContain('陕西省内可比的同级地区不足2个，改与全国其他市比较。');
    expect(text).toMatch(/高于全国其他市中位数/);
    expect(text).toMatch(/第\d\/[3-9]位/);
  });

  it('words the comparisons of the Wangyi brief from their numbers, in both languages', () => {
    const zh = squeeze(pdfText(pdfs.get('610202-zh')!));
    const zhMatches = [
      ...zh.matchAll(/为([\d.,]+)(?:%|元\/户|人\/千户|分)?，(高于|低于)同市其他县（区）中位数([\d.,]+)/g),
    ];
    expect(zhMatches.length).toBeGreaterThanOrEqual(2);
    for (const m of zhMatches)
      expect(m[2], m[0]).toBe(Number(m[1]!.replace(/,/g, '')) > Number(m[3]!.replace(/,/g, '')) ? '高于' : '低于');
    const en = pdfText(pdfs.get('610202-en')!).replace(/\s+/g, ' ');
    const enMatches = [...en.matchAll(/is ([\d.,]+)\S*, (higher|lower) than the median of [^,]+, ([\d.,]+)/g)];
    expect(enMatches.length).toBeGreaterThanOrEqual(2);
    for (const m of enMatches)
      expect(m[2], m[0]).toBe(Number(m[1]!.replace(/,/g, '')) > Number(m[3]!.replace(/,/g, '')) ? 'higher' : 'lower');
  });

  it('writes the English brief in English, as long as the Chinese one, with a full first page', () => {
    for (const region of ['6102', '610202']) {
      const en = pdfText(pdfs.get(`${region}-en`)!);
      const zh = pdfText(pdfs.get(`${region}-zh`)!);
      expect(en).toContain('social insurance and a housing fund');
      expect(en).not.toContain('五险一金');
      // Places, townships and communities in pinyin, as on the English dashboard: no Chinese at all.
      expect(en.match(/.{0,20}\p{Script=Han}.{0,20}/u)?.[0] ?? null, region).toBeNull();
      const pages = (t: string) => t.split('\f').filter((p) => p.trim()).length;
      expect(pages(en), region).toBeLessThanOrEqual(pages(zh) + 1);
      // Page 1 reaches the gaps table instead of leaving it for page 2.
      expect(en.split('\f')[0], region).toContain('2. Urban–rural gaps');
      expect(en.split('\f')[0], region).toMatch(/Service centre coverage\s+urban–rural/);
    }
  });

  it('writes Word briefs whose tables hold the same cells as the printed page, with a native chart and the mark', async () => {
    for (const key of ['6102-zh', '6102-en', '610202-zh']) {
      const [region, lang] = key.split('-') as [string, string];
      const file = words.get(key)!;
      const { page } = await open(region, 2019, lang as 'zh' | 'en');
      const pageTables = await page
        .locator('.brief-table')
        .evaluateAll((tables) =>
          tables.map((t) =>
            [...t.querySelectorAll('tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
          ),
        );
      await page.close();
      expect(docxTables(file), key).toEqual(pageTables);
      const pdf = squeeze(pdfText(pdfs.get(key)!));
      // The gaps table's figures are the PDF's (each cell's number: a wrapped cell's unit may split in the text).
      for (const row of pageTables[0]!.slice(1))
        for (const cell of row.slice(2)) {
          const figure = cell.match(/^[+−-]?[\d,.]+%?/)?.[0];
          if (figure) expect(pdf, `${key}: ${cell}`).toContain(figure);
        }
      const list = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' });
      expect(list).toMatch(/word\/charts\/chart1\.xml/);
      const headers = list.split('\n').filter((n) => /^word\/header\d*\.xml$/.test(n));
      expect(headers.map((h) => unzip(file, h)).join('')).toContain(lang === 'zh' ? '示例数据' : 'Synthetic data');
      expect(internalWords(unzip(file, 'word/document.xml')), key).toBeNull();
    }
  });

  it('opens the Word brief in LibreOffice with its text, tables and chart', () => {
    const file = words.get('610202-zh')!;
    const out = join(dir, 'lo');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        file,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const text = pdfText(join(out, '610202-zh.pdf'));
    const flat = squeeze(text);
    expect(flat).toContain('王益区城乡社区治理视察简报（2019年）');
    for (const heading of ['一、基本情况', '二、城乡差距', '三、存在问题', '五、视察安排与问题清单'])
      expect(flat).toContain(heading);
    // The map's title and its caption lines come through with the picture.
    expect(flat).toContain('王益区在铜川市的位置：各县（区）城乡差距，综合服务中心覆盖率（2019年）');
    expect(flat).toContain(squeeze(mapWords('zh').source));
    expect(flat).toContain(squeeze(mapWords('zh').review));
    const pages = text.split('\f').filter((p) => p.trim());
    for (const p of pages) expect(p).toContain('示例数据');
    // A table cell (one short enough not to wrap) and the chart's own labels (its data's values).
    const visit = docxTables(file)[1]!;
    expect(flat).toContain(squeeze(visit[4]![1]!));
    const chart = unzip(file, 'word/charts/chart1.xml');
    const values = [...chart.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => String(Math.round(Number(m[1]))));
    expect(values.length).toBeGreaterThan(3);
    for (const v of values) expect(text, v).toMatch(new RegExp(`(^|\\D)${v}(\\D|$)`));
  });

  it('saves the Word brief from the page button', async () => {
    const { page } = await open('610202', 2019);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.brief-docx').click()]);
    expect(download.suggestedFilename()).toBe('brief-610202-2019.docx');
    const file = join(dir, 'from-page.docx');
    await download.saveAs(file);
    expect(docxTables(file)).toEqual(docxTables(words.get('610202-zh')!));
    await page.close();
  });

  // The two briefs of the issue, each language: Tongchuan's counties; Wangyi among them, outlined.
  const mapBriefs = ['6102-zh', '6102-en', '610202-zh', '610202-en'] as const;
  const mapWords = (lang: 'zh' | 'en') => {
    const ui = makeUi(lang, { indicators: [...INDICATORS] });
    return {
      source: ui.t('map_source'),
      review: ui.t('map_review_missing'),
      legend: [ui.t('map_lags', { group: ui.groupName('urban') }), ui.t('map_lags', { group: ui.groupName('rural') })],
      missing: [ui.t('suppressed'), ui.t('no_data')],
    };
  };
  const countyShapes = () =>
    (JSON.parse(readFileSync(join(site, 'maps', 'counties', '6102.json'), 'utf8')) as MapTopology).objects.regions
      .geometries.length;

  it("draws Tongchuan's counties, and Wangyi outlined among them, with the dashboard's legend and source lines", async () => {
    // The registry's four counties of Tongchuan all have boundaries.
    expect(countyShapes()).toBe(4);
    for (const key of mapBriefs) {
      const [region, lang] = key.split('-') as [string, 'zh' | 'en'];
      const { page, errors } = await open(region, 2019, lang);
      const map = page.locator('.brief-gaps figure.brief-map svg.choropleth');
      expect(await map.count(), key).toBe(1);
      expect(await map.locator('path[data-code]').count(), key).toBe(4);
      const codes = await map
        .locator('path[data-code]')
        .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-code')));
      expect(codes.sort(), key).toEqual(['610202', '610203', '610204', '610222']);
      // 宜君县 has two urban communities in 2019: its gap is withheld, drawn hatched, not as a colour.
      expect(await map.locator('path[data-code="610222"]').getAttribute('data-status'), key).toBe('suppressed');
      expect(await map.locator('path[data-code="610202"]').getAttribute('data-status'), key).toBe('value');
      const highlighted = await map
        .locator('[data-highlight]')
        .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-highlight')));
      expect(highlighted, key).toEqual(region === '610202' ? ['610202'] : []);
      expect(await map.locator('[data-swatch="highlight"]').count(), key).toBe(region === '610202' ? 1 : 0);
      const words = mapWords(lang);
      expect(await map.locator('[data-line="source"]').textContent()).toBe(words.source);
      expect(await map.locator('[data-line="review"]').textContent()).toBe(words.review);
      expect(errors, key).toEqual([]);
      await page.close();
    }
  });

  it('prints the map with its legend, both missing kinds and the source and 审图号 lines, without an extra empty page', () => {
    for (const key of mapBriefs) {
      const lang = key.endsWith('-en') ? 'en' : 'zh';
      const words = mapWords(lang);
      const text = squeeze(pdfText(pdfs.get(key)!));
      for (const line of [words.source, words.review, ...words.legend, ...words.missing])
        expect(text, `${key}: ${line}`).toContain(squeeze(line));
      if (lang === 'zh') expect(text).toContain('底图来源：国家地理信息公共服务平台·天地图，2024年5月版');
      // Every page but the last is filled to at least half its height (header and footer aside): a
      // figure that does not fit where it falls would leave the page before it mostly empty.
      const bbox = execFileSync('pdftotext', ['-bbox', pdfs.get(key)!, '-'], { encoding: 'utf8' });
      const pages = [...bbox.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
      expect(pages.length, key).toBeGreaterThan(1);
      pages.slice(0, -1).forEach((p, i) => {
        const height = Number(p[1]);
        const bottoms = [...p[2]!.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]));
        const body = bottoms.filter((y) => y > 40 && y < height - 40);
        expect(Math.max(...body), `${key} page ${i + 1}`).toBeGreaterThan(height / 2);
      });
      // A visit's name and reason never end a page without its table.
      if (lang === 'zh')
        pdfText(pdfs.get(key)!)
          .split('\f')
          .forEach((p, i) => {
            const heads = [...p.matchAll(/（(?:城镇社区|农村·[^，]+)，代码 \d{12}）/g)];
            const last = heads.at(-1);
            if (last) expect(p.slice(last.index).includes('本社区'), `${key} page ${i + 1}`).toBe(true);
          });
    }
  });

  it('puts the map into the Word brief as a real PNG, with the source and 审图号 lines as its caption', () => {
    for (const key of mapBriefs) {
      const file = words.get(key)!;
      const lang = key.endsWith('-en') ? 'en' : 'zh';
      const media = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
        .split('\n')
        .filter((n) => n.startsWith('word/media/'));
      expect(media, key).toHaveLength(1);
      expect(media[0]).toMatch(/\.png$/);
      const png = execFileSync('unzip', ['-p', file, media[0]!]);
      expect([...png.subarray(0, 8)], key).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      // Drawn at twice the page's 620 px map, the legend under the shapes.
      expect(width, key).toBe(1240);
      expect(height, key).toBeGreaterThan(500);
      expect(height, key).toBeLessThan(width);
      const body = unzip(file, 'word/document.xml');
      const paragraphs = [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
      const at = paragraphs.findIndex((p) => p.includes('<pic:pic'));
      expect(at, key).toBeGreaterThan(0);
      const textOf = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
      const caption = mapWords(lang);
      // The caption right under the picture: the source, then the 审图号 line.
      expect(textOf(paragraphs[at + 1]!), key).toBe(caption.source);
      expect(textOf(paragraphs[at + 2]!), key).toBe(caption.review);
      const place = {
        '6102-zh': '铜川市',
        '6102-en': 'Tongchuan City',
        '610202-zh': '王益区',
        '610202-en': 'Wangyi District',
      };
      expect(textOf(paragraphs[at - 1]!), key).toContain(place[key]);
      expect(body, key).toMatch(/<wp:docPr [^>]*descr="[^"]+"/);
    }
  });

  it('keeps sources by issuer, title and date in every published file and on the 方法 and 达标 pages', async () => {
    const data = join(site, 'data', version);
    const files = readdirSync(data).filter((f) => /\.(csv|json)$/.test(f));
    expect(files).toContain('compliance.csv');
    for (const f of files) expect(internalWords(readFileSync(join(data, f), 'utf8')), f).toBeNull();
    expect(readFileSync(join(data, 'compliance.csv'), 'utf8')).toContain(
      '旺苍县人民政府办公室《关于县政协十届一次会议第73号提案的答复》（2017年）',
    );
    for (const lang of ['zh', 'en'])
      for (const query of ['page=method', 'page=standards&region=6102&year=2019', 'page=brief&region=6102&year=2019']) {
        const page = await browser.newPage();
        await page.goto(`${server.url}?${query}&lang=${lang}`);
        await page.waitForSelector('body[data-ready="true"]');
        const text = await page.locator('body').innerText();
        expect(internalWords(text), `${query} ${lang}`).toBeNull();
        await page.close();
      }
  });

  it('prints from the command line: one brief, all counties into --out DIR, never into the working tree unasked', async () => {
    const before = readdirSync(root);
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
    const all = await runBriefCli([
      '--region',
      '6102',
      '--year',
      '2019',
      '--site',
      site,
      '--all-counties',
      '--format',
      'docx',
      '--out',
      join(dir, 'all'),
    ]);
    expect(all.code, all.stderr).toBe(0);
    expect(readdirSync(join(dir, 'all')).sort()).toEqual(
      counties
        .filter((c) => c.startsWith('6102'))
        .map((c) => `brief-${c}-2019.docx`)
        .sort(),
    );
    const unasked = await runBriefCli(['--region', '610202', '--year', '2019', '--site', site, '--format', 'docx']);
    expect(unasked.code, unasked.stderr).toBe(0);
    expect(statSync(join(site, 'briefs', 'brief-610202-2019.docx')).size).toBeGreaterThan(5000);
    const refused = await runBriefCli(['--region', '6102', '--year', '2019', '--site', site, '--all-counties']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--all-counties needs the folder to write into: --out DIR');
    expect(readdirSync(root).sort()).toEqual(before.sort());
    expect(existsSync(join(root, 'brief-610202-2019.pdf'))).toBe(false);
    const bad = await runBriefCli(['--region', '61020', '--year', '2019', '--site', site]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--region must be a 2-digit province, 4-digit city or 6-digit county code: 61020');
  });
});
