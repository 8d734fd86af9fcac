import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Packer } from 'docx';
import type { Browser } from 'playwright-core';
import type { CurrentPointer, RegionRow } from '../../contract/published-types.ts';
import { briefDocument } from '../../dashboard/brief/brief-document.ts';
import { briefDocx, briefFileName } from '../../dashboard/brief/brief-docx.ts';
import { briefLevel, loadBrief } from '../../dashboard/brief/load-brief.ts';
import { DataStore } from '../../dashboard/data/data-store.ts';
import { RegionTree } from '../../dashboard/data/region-tree.ts';
import { makeUi } from '../../dashboard/i18n/ui.ts';
import { buildSite } from '../build-site.ts';
import { CliError, EXIT, exitCodeOf } from '../../pipeline/cli-error.ts';
import { consoleLogger } from '../../pipeline/logger.ts';
import { launchChromium } from '../serve/chromium.ts';
import { serveStatic } from '../serve/static-server.ts';

const HELP = `Usage: npm run brief -- --region CODE --year YYYY [--format pdf|docx] [--out FILE] [--lang zh|en] [--site DIR]
       npm run brief -- --region CITY --year YYYY --all-counties --out DIR [--format pdf|docx] [--lang zh|en]

Writes the inspection brief (视察简报) of a province (2-digit code), city (4 digits) or county
(6 digits) as an A4 PDF (printed by Chromium from the brief page) or an editable Word file (.docx),
from the published data of the site (default dist; run npm start or npm run pipeline first).
Without --out the file goes to DIR/briefs/ of the site. --all-counties writes one brief per county
of the city into the folder --out names (--out-dir is the same).`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One brief to write. */
export interface BriefJob {
  region: string;
  year: number;
  out: string;
  lang: 'zh' | 'en';
}

/** Writes a file through a temporary name beside it, so a reader never sees half a brief. */
function writeAtomically(path: string, write: (temp: string) => Promise<void> | void): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  return Promise.resolve(write(temp))
    .then(() => renameSync(temp, path))
    .catch((error: unknown) => {
      rmSync(temp, { force: true });
      throw error;
    });
}

/**
 * Prints briefs from a served site: opens each brief page, waits until it has rendered, refuses a
 * page that shows an error, and prints A4 with the 示例数据 mark (for synthetic data) and the title
 * in every page's header and page numbers in the footer. Returns the title of each brief.
 */
export async function printBriefs(siteUrl: string, jobs: readonly BriefJob[], browser: Browser): Promise<string[]> {
  const titles: string[] = [];
  const context = await browser.newContext({ colorScheme: 'light' });
  try {
    for (const job of jobs) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${siteUrl}?page=brief&region=${job.region}&year=${job.year}&lang=${job.lang}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      const title = await page
        .locator('.brief-title')
        .textContent({ timeout: 1_000 })
        .catch(() => null);
      const problem = await page
        .locator('main .error, main .note')
        .first()
        .textContent({ timeout: 500 })
        .catch(() => null);
      if (!title)
        throw new CliError(
          `no brief for region ${job.region} in ${job.year}: ${problem ?? (errors.join('; ') || 'the page shows none')}`,
        );
      if (errors.length > 0) throw new CliError(`brief for ${job.region} failed in the browser: ${errors.join('; ')}`);
      const mark =
        (await page.locator('.brief-mark').count()) > 0 ? (job.lang === 'zh' ? '示例数据' : 'Synthetic data') : null;
      await page.emulateMedia({ media: 'print' });
      const header = mark
        ? `<b style="color:#b00000">${escapeHtml(mark)}</b> · ${escapeHtml(title)}`
        : escapeHtml(title);
      await writeAtomically(job.out, async (temp) => {
        await page.pdf({
          path: temp,
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;color:#555;font-family:'Noto Sans CJK SC',sans-serif">${header}</div>`,
          footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555;font-family:'Noto Sans CJK SC',sans-serif">${mark ? `<span style="color:#b00000">${escapeHtml(mark)}</span> · ` : ''}<span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
        });
      });
      titles.push(title);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return titles;
}

/**
 * Writes Word briefs from a served site: the same loading, model and words as the brief page, packed
 * by the docx writer in Node (no browser needed). Returns the title of each brief.
 */
export async function writeWordBriefs(siteUrl: string, jobs: readonly BriefJob[]): Promise<string[]> {
  const store = await DataStore.open(new URL('data/', siteUrl));
  const tree = new RegionTree(await store.regions());
  const titles: string[] = [];
  for (const job of jobs) {
    if (!tree.get(job.region)) throw new CliError(`no data for region: ${job.region}`);
    if (!store.manifest.years.includes(job.year))
      throw new CliError(`no data for year: ${job.year} (published: ${store.manifest.years.join(', ')})`);
    const { model, names } = await loadBrief(store, tree, job.region, job.year);
    const doc = briefDocument(makeUi(job.lang, store.manifest), model, names);
    const bytes = await Packer.toBuffer(briefDocx(doc));
    await writeAtomically(job.out, (temp) => writeFileSync(temp, bytes));
    titles.push(doc.title);
  }
  return titles;
}

/** The counties of a city that have data, from the live version's regions.arrow. */
async function countiesOf(site: string, city: string): Promise<string[]> {
  const { tableFromIPC } = await import('apache-arrow');
  const current = JSON.parse(readFileSync(join(site, 'data', 'current.json'), 'utf8')) as CurrentPointer;
  const table = tableFromIPC(readFileSync(join(site, 'data', current.version, 'regions.arrow')));
  return table
    .toArray()
    .map((r) => r.toJSON() as RegionRow)
    .filter((r) => r.level === 'county' && r.parent === city)
    .map((r) => r.code);
}

/** The `npm run brief` entry. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        region: { type: 'string' },
        year: { type: 'string' },
        format: { type: 'string', default: 'pdf' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        'all-counties': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
        site: { type: 'string', default: 'dist' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`bad command line: ${(error as Error).message}\n\n${HELP}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const region = values.region ?? '';
  const year = Number(values.year);
  const usage = (message: string) => {
    process.stderr.write(`bad command line: ${message}\n\n${HELP}\n`);
    return EXIT.usage;
  };
  if (!briefLevel(region))
    return usage(`--region must be a 2-digit province, 4-digit city or 6-digit county code: ${region || '(none)'}`);
  if (!Number.isInteger(year) || year < 1949) return usage(`--year must be a year: ${values.year ?? '(none)'}`);
  if (values.lang !== 'zh' && values.lang !== 'en') return usage(`--lang must be zh or en: ${values.lang}`);
  if (values.format !== 'pdf' && values.format !== 'docx')
    return usage(`--format must be pdf or docx: ${values.format}`);
  const lang = values.lang;
  const format = values.format;
  const all = values['all-counties'];
  if (all && region.length !== 4) return usage(`--all-counties needs a city code: ${region}`);
  if (values.out && values['out-dir'] && resolve(values.out) !== resolve(values['out-dir']))
    return usage(`--out and --out-dir name different places: ${values.out}, ${values['out-dir']}`);
  if (!all && values['out-dir'])
    return usage(`--out-dir is for --all-counties; name the file with --out: ${values['out-dir']}`);
  const outDir = values.out ?? values['out-dir'];
  if (all && !outDir) return usage('--all-counties needs the folder to write into: --out DIR');
  if (all && outDir && existsSync(outDir) && !statSync(outDir).isDirectory())
    return usage(`--out with --all-counties must be a folder, not a file: ${outDir}`);
  if (!all && values.out && existsSync(values.out) && statSync(values.out).isDirectory())
    return usage(
      `--out names a folder; give the file name, e.g. ${join(values.out, `brief-${region}-${year}.${format}`)}`,
    );
  const logger = consoleLogger();
  const site = resolve(values.site);
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  try {
    if (!existsSync(join(site, 'data', 'current.json'))) {
      throw new CliError(
        `no published data: ${join(site, 'data', 'current.json')} (run npm start or npm run pipeline first)`,
      );
    }
    if (!existsSync(join(site, 'index.html'))) {
      logger.info('building the dashboard…');
      await buildSite(site);
    }
    const regions = all ? await countiesOf(site, region) : [region];
    if (regions.length === 0) throw new CliError(`no counties with data in city ${region}`);
    // Unasked, briefs go beside the published site (generated, git-ignored), never into the working tree.
    const folder = all ? outDir! : join(site, 'briefs');
    const jobs = regions.map((code) => ({
      region: code,
      year,
      lang,
      out: !all && values.out ? values.out : join(folder, briefFileName({ region: code, year, lang }, format)),
    })) satisfies BriefJob[];
    server = await serveStatic(site);
    const started = performance.now();
    let titles: string[];
    if (format === 'docx') titles = await writeWordBriefs(server.url, jobs);
    else {
      browser = await launchChromium();
      titles = await printBriefs(server.url, jobs, browser);
    }
    jobs.forEach((job, i) => process.stdout.write(`${job.out}: ${titles[i]}\n`));
    logger.info(`${jobs.length} brief(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return EXIT.ok;
  } catch (error) {
    return exitCodeOf(error, logger, true);
  } finally {
    await browser?.close();
    await server?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
