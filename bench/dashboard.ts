import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { generateDemoInbox } from '../tools/demo/generate.ts';
import { memoryLogger } from '../pipeline/logger.ts';
import { runPipeline } from '../pipeline/run/run-pipeline.ts';
import { buildSite } from '../tools/build-site.ts';
import { launchChromium } from '../tools/serve/chromium.ts';
import { serveStatic } from '../tools/serve/static-server.ts';
import { profileLoad, type MainThreadLoad } from './dashboard-profile.ts';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** What one cold load of a view cost. */
interface Load {
  appBytes: number;
  dataBytes: number;
  requests: number;
  firstChartMs: number;
  firstMapMs: number;
  /** The site paths fetched, to size them as a gzip-serving host would send them. */
  paths: string[];
}

// Marks the moment the first chart's SVG enters the DOM, on the page's own clock (from navigation start).
const FIRST_CHART = `
  new MutationObserver((_, observer) => {
    if (!window.__firstChart && document.querySelector('figure[data-chart] svg')) window.__firstChart = performance.now();
    if (!window.__firstMap && document.querySelector('svg.choropleth path[data-code]')) window.__firstMap = performance.now();
    if (window.__firstChart && window.__firstMap) observer.disconnect();
  }).observe(document, { subtree: true, childList: true });
`;

/** Loads a view in a fresh context (a cold cache) and measures bytes and time to the first chart. */
async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_CHART);
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      sizes.push(
        request
          .sizes()
          .then((s) => ({ path: new URL(request.url()).pathname, bytes: s.responseBodySize + s.responseHeadersSize })),
      );
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const [firstChartMs, firstMapMs] = await page.evaluate(() => {
      const w = window as unknown as { __firstChart?: number; __firstMap?: number };
      return [w.__firstChart ?? Number.NaN, w.__firstMap ?? Number.NaN];
    });
    const done = await Promise.all(sizes);
    const data = done.filter((s) => s.path.startsWith('/data/'));
    const app = done.filter((s) => !s.path.startsWith('/data/'));
    return {
      appBytes: app.reduce((n, s) => n + s.bytes, 0),
      dataBytes: data.reduce((n, s) => n + s.bytes, 0),
      requests: done.length,
      firstChartMs,
      firstMapMs,
      paths: done.map((s) => s.path),
    };
  } finally {
    await context.close();
  }
}

/**
 * The dashboard over the seed-scale demo data (five seed places, 2015–2024): bytes transferred and
 * time to the first chart, for the national overview and for a county (王益区) — its overview, and its
 * gap explorer, which also loads the county's communities. Cold cache each time, uncompressed (the
 * benchmark's static server does not gzip), headless Chromium on this machine.
 */
export async function benchDashboard(work: string): Promise<string[]> {
  rmSync(work, { recursive: true, force: true });
  const inbox = join(work, 'inbox');
  const site = join(work, 'site');
  const app = join(work, 'app');
  await generateDemoInbox({ scale: 'seed', years: [2015, 2024], out: inbox, seed: 1, logger: memoryLogger() });
  await runPipeline({ inbox, warehouse: join(work, 'warehouse.duckdb'), site, logger: memoryLogger() });
  await buildSite(app, { empty: true, quiet: true });
  symlinkSync(join(site, 'data'), join(app, 'data'));
  const server = await serveStatic(app);
  const browser = await launchChromium();
  const views = [
    { what: 'national overview (with its map)', query: '?page=overview&region=CN&lang=zh', target: 250 },
    {
      what: 'city overview (铜川市 6102, with its county map)',
      query: '?page=overview&region=6102&lang=zh',
      target: 0,
    },
    { what: 'county overview (王益区 610202)', query: '?page=overview&region=610202&lang=zh', target: 0 },
    {
      what: 'county gap explorer (610202, with its communities)',
      query: '?page=gaps&region=610202&lang=zh',
      target: 0,
    },
  ];
  // The machine is shared: timings on a loaded one are not the app's alone.
  const rows: string[] = [
    `| machine load when the loads began | ${loadavg()[0]!.toFixed(1)} | 1-minute load average on ${cpus().length} cores; above the core count, times to first chart include waiting for a CPU |`,
  ];
  try {
    for (const view of views) {
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(browser, server.url + view.query));
      const first = loads[0]!;
      // The benchmark's server sends files as they are; a static host gzips text (JS, CSS, JSON, HTML).
      const gz = (filter: (path: string) => boolean) =>
        first.paths
          .filter(filter)
          .reduce((n, path) => n + gzipSync(readFileSync(join(app, path === '/' ? 'index.html' : path))).length, 0);
      const isData = (path: string) => path.startsWith('/data/');
      const isMap = (path: string) => path.startsWith('/maps/');
      const total = gz(() => true);
      const map = first.paths.some(isMap);
      // Main-thread CPU time, which waiting for a core or for the server does not inflate.
      const traced: MainThreadLoad[] = [];
      for (let i = 0; i < RUNS; i++) traced.push(await profileLoad(browser, server.url + view.query));
      const cpu = (pick: (l: MainThreadLoad) => number) => `${median(traced.map(pick)).toFixed(0)} ms`;
      rows.push(
        `| ${view.what}: main-thread CPU time to first chart | ${cpu((l) => l.busyToChartMs)} | the renderer's main thread, navigation start to the first chart's SVG (to all drawn: ${cpu((l) => l.busyToReadyMs)}); CPU time of its tasks from a Chromium trace, median of ${RUNS} cold loads |`,
      );
      rows.push(
        `| ${view.what}: gzipped transfer | ${kib(total)} | code ${kib(gz((p) => !isData(p) && !isMap(p)))}${map ? ` + map ${kib(gz(isMap))}` : ''} + data ${kib(gz(isData))}, each file gzipped (level 6) as a static host would send it${view.target ? `; target ≤ ${view.target} KiB` : ''} |`,
        ...(map
          ? [
              `| ${view.what}: time to the map drawn | ${(median(loads.map((l) => l.firstMapMs)) / 1000).toFixed(2)} s | navigation start to the map's shapes in the DOM; median of ${RUNS} cold loads |`,
            ]
          : []),
        `| ${view.what}: bytes transferred | ${kib(first.appBytes + first.dataBytes)} | app ${kib(first.appBytes)} + data ${kib(first.dataBytes)}, ${first.requests} requests, cold cache, uncompressed |`,
        `| ${view.what}: time to first chart | ${(median(loads.map((l) => l.firstChartMs)) / 1000).toFixed(2)} s | navigation start to the first chart's SVG in the DOM; median of ${RUNS} cold loads |`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
