import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { memoryLogger } from '../../pipeline/logger.ts';
import { runPipeline } from '../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, tempDir } from '../helpers/fixtures.ts';
import { buildSite } from '../../tools/build-site.ts';
import { launchChromium } from '../../tools/serve/chromium.ts';
import { serveStatic, type StaticServer } from '../../tools/serve/static-server.ts';

/** The built app over data published from an inbox, served locally, with a browser to open it. */
export interface DashboardSite {
  /** The app's address; append a query string for a view. */
  url: string;
  version: string;
  browser: Browser;
  /** A fresh page that records console errors, uncaught exceptions and dialogs, at a view (null: blank). */
  open(query?: string | null, options?: { colorScheme?: 'light' | 'dark' }): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** A page with what it reported. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  dialogs: string[];
}

/** A run into the same warehouse and site before (or after) the one whose version the dashboard shows. */
export interface EarlierRun {
  inbox: string;
  now: Date;
  /** The run is expected to fail (its failure is then recorded, not thrown). */
  fails?: boolean;
}

/**
 * Runs the real pipeline over an inbox and builds the app (both into a temporary folder), puts the
 * published data beside the build, serves it on 127.0.0.1 and launches Chromium.
 */
export async function startDashboard(
  inbox: string,
  options: { earlierRuns?: EarlierRun[]; laterRuns?: EarlierRun[] } = {},
): Promise<DashboardSite> {
  const dir = tempDir('cb-dashboard-');
  const site = join(dir, 'site');
  const app = join(dir, 'app');
  const warehouse = join(dir, 'w.duckdb');
  const other = (run: EarlierRun) =>
    runPipeline({ inbox: run.inbox, warehouse, site, logger: memoryLogger(), now: run.now }).catch((error: unknown) => {
      if (!run.fails) throw error;
    });
  const publish = async () => {
    for (const run of options.earlierRuns ?? []) await other(run);
    const shown = await runPipeline({ inbox, warehouse, site, logger: memoryLogger(), now: FIXTURE_NOW });
    for (const run of options.laterRuns ?? []) await other(run);
    return shown;
  };
  const [result] = await Promise.all([publish(), buildSite(app, { empty: true, quiet: true })]);
  symlinkSync(join(site, 'data'), join(app, 'data'));
  const server: StaticServer = await serveStatic(app);
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    url: server.url,
    version: result.version,
    browser,
    async open(query: string | null = '', options: { colorScheme?: 'light' | 'dark' } = {}) {
      const context = await browser.newContext({
        colorScheme: options.colorScheme ?? 'light',
        viewport: { width: 1200, height: 900 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      if (query !== null) await gotoView(page, server.url + query);
      return { page, context, errors, dialogs };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens an address and waits until the page has rendered its view. */
export async function gotoView(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await settled(page);
}

/** Waits until the app has finished rendering the current view. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
}
