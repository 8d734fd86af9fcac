import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { generateDemoInbox } from '../tools/demo/generate.ts';
import { memoryLogger } from '../pipeline/logger.ts';
import { runPipeline } from '../pipeline/run/run-pipeline.ts';
import { buildSite } from '../tools/build-site.ts';
import { launchChromium } from '../tools/serve/chromium.ts';
import { serveStatic } from '../tools/serve/static-server.ts';

/** What one cold load's main thread did before the first chart: busy time, and where it went. */
export interface MainThreadLoad {
  /** Navigation start to the first chart's SVG in the DOM, page clock. */
  firstChartMs: number;
  /** Navigation start to the map's shapes in the DOM, page clock (NaN when the view has no map). */
  firstMapMs: number;
  /** The renderer main thread's CPU time in tasks from navigation start to the first chart. */
  busyToChartMs: number;
  /** The same up to the moment the page said it was ready. */
  busyToReadyMs: number;
  /** Self time by what ran, from the sampling profiler, over the whole load. */
  breakdown: Record<string, number>;
}

// Marks the first chart and the first map shapes on the page's clock and in the trace (user timing).
const MARKS = `
  new MutationObserver((_, observer) => {
    if (!window.__firstChart && document.querySelector('figure[data-chart] svg')) {
      window.__firstChart = performance.now();
      performance.mark('cb-first-chart');
    }
    if (!window.__firstMap && document.querySelector('svg.choropleth path[data-code]')) {
      window.__firstMap = performance.now();
    }
    if (document.body && document.body.dataset.ready === 'true' && !window.__ready) {
      window.__ready = performance.now();
      performance.mark('cb-ready');
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, when the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** The bucket a sampled function falls in, by the script it belongs to. */
function bucket(node: ProfileNode, byFunction: boolean): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  const file = url
    .split('/')
    .pop()!
    .split('?')[0]!
    .replace(/-[\w-]{8}\.js$/, '.js');
  return byFunction ? `${file} ${functionName || '(anonymous)'}` : file;
}

/**
 * One cold load of a view in a fresh context, traced: the renderer main thread's busy time up to the
 * first chart (less sensitive to a shared machine's load than wall time, as waiting for a CPU or for
 * the server is not counted) and a sampling profile of what ran.
 */
export async function profileLoad(browser: Browser, url: string, byFunction = false): Promise<MainThreadLoad> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARKS);
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: ['devtools.timeline', 'blink.user_timing', 'toplevel', 'loading', '__metadata'],
      },
    } as never);
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    await cdp.send('Tracing.end');
    await complete;
    const [firstChartMs, firstMapMs] = await page.evaluate(() => {
      const w = window as unknown as { __firstChart?: number; __firstMap?: number };
      return [w.__firstChart ?? Number.NaN, w.__firstMap ?? Number.NaN];
    });
    // The renderer's main thread is the one that ran the marks.
    const chartMark = events.find((e) => e.name === 'cb-first-chart');
    const readyMark = events.find((e) => e.name === 'cb-ready');
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
    if (!chartMark || !readyMark || !nav) throw new Error('trace lacks the navigation or the marks');
    // The top-level slices of the renderer's main thread (tasks and the microtask checkpoints after
    // them), by their CPU time: not their wall time, which on a loaded machine includes waiting for a
    // core. A slice straddling an end of the window counts in proportion.
    const slices = events
      .filter((e) => e.pid === chartMark.pid && e.tid === chartMark.tid && e.ph === 'X' && e.dur)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const top: TraceEvent[] = [];
    for (const e of slices) if (!top.length || e.ts >= top.at(-1)!.ts + top.at(-1)!.dur!) top.push(e);
    const busyBetween = (from: number, to: number) =>
      top.reduce((sum, e) => {
        const inside = Math.max(0, Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from));
        return sum + (inside * (e.tdur ?? e.dur!)) / e.dur!;
      }, 0) / 1000;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const breakdown: Record<string, number> = {};
    profile.samples.forEach((id, i) => {
      const name = bucket(nodes.get(id)!, byFunction);
      breakdown[name] = (breakdown[name] ?? 0) + profile.timeDeltas[i]! / 1000;
    });
    return {
      firstChartMs,
      firstMapMs,
      busyToChartMs: busyBetween(nav.ts, chartMark.ts),
      busyToReadyMs: busyBetween(nav.ts, readyMark.ts),
      breakdown,
    };
  } finally {
    await context.close();
  }
}

/** The seed-scale demo (2015–2024) published once into a folder, and the app built beside it. */
export async function dashboardSite(work: string, options: { rebuild?: boolean } = {}): Promise<string> {
  const site = join(work, 'site');
  const app = join(work, 'app');
  if (!existsSync(join(site, 'data', 'current.json'))) {
    const inbox = join(work, 'inbox');
    rmSync(work, { recursive: true, force: true });
    await generateDemoInbox({ scale: 'seed', years: [2015, 2024], out: inbox, seed: 1, logger: memoryLogger() });
    await runPipeline({ inbox, warehouse: join(work, 'warehouse.duckdb'), site, logger: memoryLogger() });
  }
  if (options.rebuild !== false || !existsSync(join(app, 'index.html'))) {
    await buildSite(app, { empty: true, quiet: true });
    symlinkSync(join(site, 'data'), join(app, 'data'));
  }
  return app;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// `npx tsx bench/dashboard-profile.ts [--runs 5] [--query '?page=overview&region=CN&lang=zh'] [--functions]
// [--app DIR] [--keep-build] [--out f.json]`: the main-thread CPU time of cold loads of one view and where
// it went, to judge a change to the first paint on a shared machine. The demo data is published once under
// --work; the app is rebuilt each time unless --keep-build, or taken as built from --app.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      runs: { type: 'string', default: '5' },
      query: { type: 'string', default: '?page=overview&region=CN&lang=zh' },
      out: { type: 'string' },
      functions: { type: 'boolean', default: false },
      app: { type: 'string' },
      'keep-build': { type: 'boolean', default: false },
      work: { type: 'string', default: join(tmpdir(), 'community-balance-profile') },
    },
  });
  const app = values.app ?? (await dashboardSite(values.work!, { rebuild: !values['keep-build'] }));
  const server = await serveStatic(app);
  const browser = await launchChromium();
  try {
    const loads: MainThreadLoad[] = [];
    for (let i = 0; i < Number(values.runs); i++)
      loads.push(await profileLoad(browser, server.url + values.query, values.functions));
    const pick = (f: (l: MainThreadLoad) => number) => median(loads.map(f)).toFixed(0);
    process.stdout.write(
      `first chart ${pick((l) => l.firstChartMs)} ms, map ${pick((l) => l.firstMapMs)} ms; main thread busy ` +
        `to first chart ${pick((l) => l.busyToChartMs)} ms, to ready ${pick((l) => l.busyToReadyMs)} ms ` +
        `(medians of ${loads.length})\n`,
    );
    const total: Record<string, number> = {};
    for (const l of loads)
      for (const [k, v] of Object.entries(l.breakdown)) total[k] = (total[k] ?? 0) + v / loads.length;
    for (const [k, v] of Object.entries(total)
      .sort((a, b) => b[1] - a[1])
      .slice(0, values.functions ? 60 : 25))
      process.stdout.write(`  ${v.toFixed(0).padStart(5)} ms  ${k}\n`);
    if (values.out) writeFileSync(values.out, JSON.stringify(loads, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}
