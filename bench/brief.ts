import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { printBriefs } from '../tools/brief/cli.ts';
import { buildSite } from '../tools/build-site.ts';
import { DEMO_DEFAULTS, generateDemoInbox } from '../tools/demo/generate.ts';
import { memoryLogger } from '../pipeline/logger.ts';
import { runPipeline } from '../pipeline/run/run-pipeline.ts';
import { launchChromium } from '../tools/serve/chromium.ts';
import { serveStatic } from '../tools/serve/static-server.ts';
import type { Manifest } from '../contract/published-types.ts';

/** Prints the brief of every county of the seed-scale demo to PDF and reports the time per brief. */
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
    const jobs = counties.map((region) => ({
      region,
      year,
      lang: 'zh' as const,
      out: join(work, 'pdf', `${region}.pdf`),
    }));
    const started = performance.now();
    await printBriefs(server.url, jobs, browser);
    const seconds = (performance.now() - started) / 1000;
    const missing = jobs.filter((j) => !existsSync(j.out)).length;
    return [
      `| brief to PDF, every county of the seed demo (${jobs.length} counties, ${year}) | ${(seconds / jobs.length).toFixed(2)} s per brief | ${seconds.toFixed(1)} s in all; ${missing} failed |`,
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
