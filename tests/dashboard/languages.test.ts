import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../contract/indicators.ts';
import type { QualityReport } from '../../contract/published-types.ts';
import { EN, ZH } from '../../dashboard/i18n/messages.ts';
import { PAGES } from '../../dashboard/state/view-state.ts';
import { DATASETS } from '../../pipeline/schema/datasets.ts';
import { internalWords } from '../helpers/internal-words.ts';
import { gotoView, type DashboardSite } from './dashboard-site.ts';
import { startDemoDashboard } from './demo-site.ts';

// The demo inbox cut to Tongchuan's 王益区 and 耀州区 (2018-2020): every page at the nation, the
// province, the city and a county, in Chinese and in English, with quarantined rows to word.
const REGIONS = ['CN', '61', '6102', '610202'];
const view = (page: string, region: string, lang: string) =>
  `?page=${page}&region=${region}&year=2020&indicator=cov_service_center&gap=urban_rural&lang=${lang}`;

/** Every text a reader can see or hear: visible text nodes (SVG text too) and placeholders. */
const visibleTexts = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || el.closest('script, style')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) out.push(el.placeholder);
    return out;
  });

// Data a page quotes as it is, in either language: inbox file names and paths (with their Chinese
// place names), and the formats and encodings of the files.
const FILE = /[\w\u4e00-\u9fff.-]*(?:\/[\w\u4e00-\u9fff.() -]+)*\.(?:xlsx|csv|tsv|json|jsonl|parquet|md)\b/g;
// Latin words a Chinese page may show: formats (buttons and the file table), units, the inequality
// measures' names, n, the encodings, and 示例数据's pinyin-free labels.
const LATIN_IN_ZH = new Set([
  // The switch to the other language names it in that language.
  'English',
  // The inbox's folder names, which bureaus must use as they are.
  ...DATASETS.map((d) => d.name),
  // Names and extensions of the notes bureaus leave beside the data.
  'README',
  'md',
  'txt',
  'BOM',
  'bom',
  'KiB',
  'CSV',
  'XLSX',
  'SVG',
  'PNG',
  'PDF',
  'Word',
  'Theil',
  'Gini',
  'T',
  'n',
  'm',
  'km',
  'pp',
  'xlsx',
  'csv',
  'json',
  'utf',
  'UTF',
  'gb',
  'GB',
  'JSON',
  'Excel',
  'WPS',
  'ID',
  'IPC',
  'Arrow',
  'Parquet',
  'DuckDB',
  'Spark',
  'ClickHouse',
]);

/** The values the input contract accepts (facility types, roles, sources…), which a reason may list. */
const CONTRACT_VALUES = new Set(
  DATASETS.flatMap((d) =>
    d.columns.flatMap((c) => (c.type.kind === 'enum' ? Object.keys(c.type.values as Record<string, unknown>) : [])),
  ),
);

const INDICATOR_IDS = new RegExp(`\\b(?:${INDICATORS.map((i) => i.id).join('|')})\\b`, 'g');

/** English catalogue texts as fragments (between parameters) long enough to be telling. */
const EN_FRAGMENTS = [
  ...new Set(
    Object.values(EN)
      .flatMap((text) => text.split(/\{\w+\}/))
      .map((f) => f.trim())
      .filter((f) => /[a-z]{3,} [a-z]{3,}/i.test(f) && !Object.values(ZH).some((z) => z.includes(f))),
  ),
];
/** Chinese catalogue fragments of three or more Chinese characters. */
const ZH_FRAGMENTS = [
  ...new Set(
    Object.values(ZH)
      .flatMap((text) => text.split(/\{\w+\}|[^\u4e00-\u9fff]+/))
      .filter((f) => f.length >= 3),
  ),
];

describe('each language complete on every page', () => {
  let site: DashboardSite;
  let places: string[] = [];
  beforeAll(async () => {
    site = await startDemoDashboard();
  }, 600_000);
  afterAll(async () => {
    await site?.close();
  });

  it('shows no English UI text, internal word or id on a Chinese page, and no Chinese UI text on an English one', async () => {
    const { page, errors } = await site.open(null);
    // Place names are data: a Chinese page names them in Chinese, an English one in pinyin, and an
    // English page may still quote them inside file names.
    await gotoView(page, site.url + view('overview', 'CN', 'zh'));
    places = await page.evaluate(() => [...document.querySelectorAll('.region-nav a')].map((a) => a.textContent ?? ''));
    // Data the pages quote as it is: the inbox's file paths, sheet names and column headers, and the
    // version id.
    const current = (await (await fetch(`${site.url}data/current.json`)).json()) as { version: string };
    const quality = (await (await fetch(`${site.url}data/${current.version}/quality.json`)).json()) as QualityReport;
    // The run chart labels each run by its id's last four hex digits (random: "bccd" is a code, not a word).
    const history = (await (await fetch(`${site.url}data/runs.json`)).json()) as { runs: { run_id: string }[] };
    const quoted = [
      ...new Set([
        current.version,
        ...history.runs.flatMap((r) => [r.run_id, r.run_id.slice(-4)]),
        ...quality.files.flatMap((f) => [f.path, ...f.extra_columns]),
        ...quality.quarantine.flatMap((r) => [r.file, r.sheet ?? '', r.column_name ?? '']),
      ]),
    ]
      .filter((q) => q.length > 1)
      .sort((a, b) => b.length - a.length);
    // Run and version ids (20261123T080000Z-1a2b) are codes.
    const withoutData = (text: string) =>
      quoted
        .reduce((t, q) => t.split(q).join(' '), text)
        .replace(FILE, ' ')
        .replace(/\b\d{8}T\d{6}Z-[0-9a-f]+\b/g, ' ');
    const problems: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      for (const region of REGIONS) {
        for (const name of PAGES) {
          await gotoView(page, site.url + view(name, region, lang));
          const where = `${lang} ${name} ${region}`;
          const texts = await visibleTexts(page);
          // The method page lists each indicator's name in the downloads (its id), for researchers.
          const text = withoutData(texts.join('\n'));
          const all = name === 'method' ? text.replace(INDICATOR_IDS, ' ') : text;
          const internal = internalWords(all);
          if (internal) problems.push(`${where}: internal word: ${internal}`);
          const ids = (all.match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? []).filter((id) => !CONTRACT_VALUES.has(id));
          if (ids.length) problems.push(`${where}: ids: ${[...new Set(ids)].join(', ')}`);
          if (lang === 'zh') {
            for (const f of EN_FRAGMENTS) if (all.includes(f)) problems.push(`${where}: English text: ${f}`);
            // Single letters are formulas' variables (a − b, Theil T, n).
            const words = (all.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !LATIN_IN_ZH.has(w));
            if (words.length) problems.push(`${where}: Latin words: ${[...new Set(words)].join(' ')}`);
          } else {
            for (const f of ZH_FRAGMENTS) {
              if (all.includes(f) && !places.some((p) => p.includes(f)) && f !== '示例数据')
                problems.push(`${where}: Chinese text: ${f}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 900_000);

  it('words the 数据质量 page in the reader’s language: reasons, rules, reporting columns, legend and export headings', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page } = await site.open(view('quality', '6102', lang));
      // Reporting: a column per thing said (no two with the same cells), each cell coloured, a legend.
      const reporting = page.locator('[data-chart="reporting"]');
      const headers = await reporting.locator('thead th').allTextContents();
      expect(headers.length).toBeGreaterThan(0);
      const cells = await reporting
        .locator('svg g[aria-label="cell"] rect')
        .evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.every((f) => f && f !== 'none')).toBe(true);
      const columns = await reporting.locator('svg g[aria-label="x-axis tick label"] text').allTextContents();
      expect(new Set(columns).size).toBe(columns.length);
      const texts = await reporting.locator('svg g[aria-label="text"] text').allTextContents();
      const byColumn = columns.map((_, i) => texts.filter((_, j) => j % columns.length === i).join('|'));
      expect(new Set(byColumn).size, 'columns with identical cells').toBe(byColumn.length);
      expect(await reporting.locator('.chart-legend').textContent()).toContain(
        lang === 'zh' ? '报送比例' : 'Share reporting',
      );
      // Quarantined rows: rule and reason in the reader's words, in the page and in the CSV headings.
      const rows = page.locator('[data-chart="quarantine-rows"]');
      await rows.locator('summary').click();
      const reasons = await rows.locator('tbody tr td:last-child').allTextContents();
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) {
        if (lang === 'zh') expect(reason.replace(FILE, ''), reason).not.toMatch(/[A-Za-z]{3,}/);
        // An English reason may quote a cell's Chinese value and the file's sheet: nothing else.
        else
          expect(reason.replace(FILE, '').replace(/\[[^\]]*\]/g, ''), reason).not.toMatch(
            /(?:not accepted|must|code)[^:]*[\u4e00-\u9fff]/,
          );
      }
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        rows.locator('button[data-action="csv"]').click(),
      ]);
      const csv = await readFile((await download.path())!, 'utf8');
      const [heading, machine, first] = csv.replace(/^\ufeff/, '').split('\r\n');
      expect(heading).toContain(lang === 'zh' ? '原因' : 'Reason');
      expect(machine).toContain('reason');
      if (lang === 'zh') expect(first!.replace(FILE, '')).not.toMatch(/[A-Za-z]{3,}/);
    }
  }, 300_000);
});
