import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { printBriefs, writeWordBriefs, type BriefJob } from '../tools/brief/cli.ts';
import { buildSite } from '../tools/build-site.ts';
import { DEMO_DEFAULTS, generateDemoInbox } from '../tools/demo/generate.ts';
import { memoryLogger } from '../pipeline/logger.ts';
import { runPipeline } from '../pipeline/run/run-pipeline.ts';
import { launchChromium } from '../tools/serve/chromium.ts';
import { serveStatic } from '../tools/serve/static-server.ts';
import type { Manifest } from '../contract/published-types.ts';

/**
 * Writes the brief of every county of the seed-scale demo as PDF (Chromium) and as Word (docx in Node)
 * and reports the time per brief of each, with how many failed (a brief that throws or writes no file).
 */
export async function benchBrief(work: string): Promise<string[]> {
  rmSync(work, { recursive: true, force: true });
  const inbox = join(work, 'inbox');
  const site = join(work, 'site');
  await generateDemoInbox({ ...DEMO_DEFAULTS, out: inbox });
  const [result] = await Promise.all([
    runPipeline({ inbox, warehouse: join(work, 'warehouse.duckdb'), site, logger: memoryLogger() }),
    buildSite(site, { quiet: true }),
  ]);
  const year = (
    JSON.parse(readFileSync(join(site, 'data', result.version, 'manifest.json'), 'utf8')) as Manifest
  ).years.at(-1)!;
  const counties = tableFromIPC(readFileSync(join(site, 'data', result.version, 'regions.arrow')))
    .toArray()
    .map((r) => r.toJSON() as { level: string; code: string })
    .filter((r) => r.level === 'county')
    .map((r) => r.code);
  const server = await serveStatic(site);
  const browser = await launchChromium();
  try {
    const jobs = (ext: string): BriefJob[] =>
      counties.map((region) => ({ region, year, lang: 'zh', out: join(work, ext, `${region}.${ext}`) }));
    const timed = async (what: string, ext: string, write: (jobs: BriefJob[]) => Promise<unknown>) => {
      const list = jobs(ext);
      const started = performance.now();
      // One batch, as `npm run brief -- --all-counties` writes them; a failure stops the batch and
      // every brief it left unwritten counts as failed.
      await write(list).catch(() => undefined);
      const seconds = (performance.now() - started) / 1000;
      const failed = list.filter((j) => !existsSync(j.out)).length;
      return `| brief to ${what}, every county of the seed demo (${list.length} counties, ${year}) | ${(seconds / list.length).toFixed(2)} s per brief | ${seconds.toFixed(1)} s in all; ${failed} failed |`;
    };
    return [
      await timed('PDF', 'pdf', (list) => printBriefs(server.url, list, browser)),
      await timed('Word', 'docx', (list) => writeWordBriefs(server.url, list, browser)),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
