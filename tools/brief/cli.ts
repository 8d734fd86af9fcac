import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import type { CurrentPointer, RegionRow } from '../../contract/published-types.ts';
import { buildSite } from '../build-site.ts';
import { CliError, EXIT, exitCodeOf } from '../../pipeline/cli-error.ts';
import { consoleLogger } from '../../pipeline/logger.ts';
import { launchChromium } from '../serve/chromium.ts';
import { serveStatic } from '../serve/static-server.ts';

const HELP = `Usage: npm run brief -- --region CODE --year YYYY [--out FILE.pdf] [--lang zh|en] [--site DIR]
       npm run brief -- --region CITY --year YYYY --all-counties [--out-dir DIR]

Prints the inspection brief (视察简报) of a city (4-digit code) or county (6-digit code) to an A4 PDF
through Chromium, from the published data of the site (default dist; run npm start or npm run
pipeline first). --all-counties writes one PDF per county of the city.`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One brief to print. */
export interface BriefJob {
  region: string;
  year: number;
  out: string;
  lang: 'zh' | 'en';
}

/**
 * Prints briefs from a served site: opens each brief page, waits until it has rendered, refuses a
 * page that shows an error, and prints A4 with the region and year in the header and page numbers
 * in the footer. Returns the title of each brief.
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
          `no brief for region ${job.region} in ${job.year}: ${problem ?? errors.join('; ') ?? 'the page shows none'}`,
        );
      if (errors.length > 0) throw new CliError(`brief for ${job.region} failed in the browser: ${errors.join('; ')}`);
      mkdirSync(dirname(job.out), { recursive: true });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({
        path: job.out,
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;color:#555;font-family:'Noto Sans CJK SC',sans-serif">${escapeHtml(title)}</div>`,
        footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      });
      titles.push(title);
      await page.close();
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
        out: { type: 'string' },
        'out-dir': { type: 'string', default: '.' },
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
  const lang = values.lang === 'en' ? 'en' : 'zh';
  const usage = (message: string) => {
    process.stderr.write(`bad command line: ${message}\n\n${HELP}\n`);
    return EXIT.usage;
  };
  if (!/^\d{4}(\d{2})?$/.test(region))
    return usage(`--region must be a 4-digit city or 6-digit county code: ${region || '(none)'}`);
  if (!Number.isInteger(year) || year < 1949) return usage(`--year must be a year: ${values.year ?? '(none)'}`);
  if (values['all-counties'] && region.length !== 4) return usage(`--all-counties needs a city code: ${region}`);
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
    const regions = values['all-counties'] ? await countiesOf(site, region) : [region];
    if (regions.length === 0) throw new CliError(`no counties with data in city ${region}`);
    const jobs = regions.map((code) => ({
      region: code,
      year,
      lang,
      out:
        values['all-counties'] || !values.out
          ? join(values['out-dir'], `brief-${code}-${year}${lang === 'en' ? '-en' : ''}.pdf`)
          : values.out,
    })) satisfies BriefJob[];
    server = await serveStatic(site);
    browser = await launchChromium();
    const started = performance.now();
    const titles = await printBriefs(server.url, jobs, browser);
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
