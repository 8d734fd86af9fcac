import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CurrentPointer, RegionRow } from '../../contract/published-types.ts';
import { briefFileName } from '../../dashboard/brief/brief-docx.ts';
import { briefLevel } from '../../dashboard/brief/load-brief.ts';
import { buildSite } from '../build-site.ts';
import { CliError, EXIT, exitCodeOf } from '../../pipeline/cli-error.ts';
import { consoleLogger } from '../../pipeline/logger.ts';
import { launchChromium } from '../serve/chromium.ts';
import { serveStatic } from '../serve/static-server.ts';

const HELP = `Usage: npm run brief -- --region CODE --year YYYY [--format pdf|docx] [--out FILE] [--lang zh|en] [--site DIR]
       npm run brief -- --region CITY --year YYYY --all-counties --out DIR [--format pdf|docx] [--lang zh|en]

Writes the inspection brief (视察简报) of a province (2-digit code), city (4 digits) or county
(6 digits) as an A4 PDF (printed by Chromium from the brief page) or an editable Word file (.docx,
the brief page's own Word download), from the published data of the site (default dist; run npm start
or npm run pipeline first).
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

/** A brief shown in the browser, checked to be the one asked for. */
interface ShownBrief {
  page: Page;
  title: string;
  /** The 示例数据 mark in the brief's language, or null for real data. */
  mark: string | null;
}

/**
 * One browser page that shows briefs one after another: the app loads once, and each next brief is
 * an in-app navigation (as the back button makes), so a batch pays the page's start-up, the shared
 * data files and the map files once instead of per brief. Refuses a page that shows an error or a
 * brief other than the one asked for. Errors thrown in the page are collected per brief.
 */
async function briefViewer(context: BrowserContext, siteUrl: string) {
  let page: Page | undefined;
  const errors: string[] = [];
  const show = async (job: BriefJob): Promise<ShownBrief> => {
    const query = `?page=brief&region=${job.region}&year=${job.year}&lang=${job.lang}`;
    errors.length = 0;
    if (!page) {
      page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${siteUrl}${query}`);
    } else {
      // The app re-renders on popstate and marks the body not ready before its first await.
      await page.evaluate((q) => {
        history.pushState(null, '', q);
        dispatchEvent(new PopStateEvent('popstate'));
      }, query);
    }
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const shown = page.locator(`.brief[data-region="${job.region}"][data-year="${job.year}"]`);
    const title = (await shown.count()) === 1 ? await shown.locator('.brief-title').textContent() : null;
    if (!title) {
      const problem = await page
        .locator('main .error, main .note')
        .first()
        .textContent({ timeout: 500 })
        .catch(() => null);
      throw new CliError(
        `no brief for region ${job.region} in ${job.year}: ${problem ?? (errors.join('; ') || 'the page shows none')}`,
      );
    }
    if (errors.length > 0) throw new CliError(`brief for ${job.region} failed in the browser: ${errors.join('; ')}`);
    const mark =
      (await shown.locator('.brief-mark').count()) > 0 ? (job.lang === 'zh' ? '示例数据' : 'Synthetic data') : null;
    return { page, title, mark };
  };
  return { show, errors };
}

/**
 * Prints briefs from a served site, one browser page for them all: A4 with the 示例数据 mark (for
 * synthetic data) and the title in every page's header and page numbers in the footer. Returns the
 * title of each brief.
 */
export async function printBriefs(siteUrl: string, jobs: readonly BriefJob[], browser: Browser): Promise<string[]> {
  const titles: string[] = [];
  const context = await browser.newContext({ colorScheme: 'light' });
  try {
    const viewer = await briefViewer(context, siteUrl);
    for (const job of jobs) {
      const { page, title, mark } = await viewer.show(job);
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
    }
  } finally {
    await context.close();
  }
  return titles;
}

/**
 * Writes Word briefs from a served site with the brief page's own download button, so the file is
 * exactly what a reader saves there: the same model and words, and the map as a picture of the map
 * the page drew. Returns the title of each brief.
 */
export async function writeWordBriefs(siteUrl: string, jobs: readonly BriefJob[], browser: Browser): Promise<string[]> {
  const titles: string[] = [];
  const context = await browser.newContext({ colorScheme: 'light', acceptDownloads: true });
  try {
    const viewer = await briefViewer(context, siteUrl);
    for (const job of jobs) {
      const { page, title } = await viewer.show(job);
      // The button's handler runs unawaited: an error in it shows only as a page error, never a download.
      let onError: (error: Error) => void = () => undefined;
      const failed = new Promise<never>((_, reject) => {
        onError = (error) =>
          reject(new CliError(`Word brief for ${job.region} failed in the browser: ${error.message}`));
      });
      failed.catch(() => undefined);
      page.on('pageerror', onError);
      const [download] = await Promise.race([
        Promise.all([
          page.waitForEvent('download', { timeout: 60_000 }),
          page.evaluate(() => document.querySelector<HTMLButtonElement>('button.brief-docx')!.click()),
        ]),
        failed,
      ]).finally(() => page.off('pageerror', onError));
      await writeAtomically(job.out, (temp) => download.saveAs(temp));
      titles.push(title);
    }
  } finally {
    await context.close();
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
    browser = await launchChromium();
    const titles =
      format === 'docx'
        ? await writeWordBriefs(server.url, jobs, browser)
        : await printBriefs(server.url, jobs, browser);
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
