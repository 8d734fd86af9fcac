import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/serve/chromium.ts';
import { tempDir } from '../helpers/fixtures.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

// `npm start` exactly as a new user runs it, but in an empty folder of its own (its data/ and dist/
// are relative to where it runs), so the repository's own data is left alone.
describe('npm start', () => {
  it('writes the demo inbox, publishes it, builds the app and serves the dashboard at the address it prints', async () => {
    const cwd = tempDir('cb-start-');
    const child = spawn(process.execPath, ['--import', tsx, join(root, 'tools/start.ts'), '--port', '0'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          const found = /dashboard: (http:\/\/\S+)/.exec(stdout);
          if (found) resolve(found[1]!);
        });
        void exited.then((code) => reject(new Error(`npm start ended (${code}) before serving:\n${stderr}`)));
      });
      expect(stderr).toContain('writing the synthetic demo inbox');
      expect(existsSync(join(cwd, 'data/inbox/manifest.json'))).toBe(true);
      // The app is built into ./dist beside its data, and served from there.
      expect(existsSync(join(cwd, 'dist/index.html'))).toBe(true);
      const current = JSON.parse(readFileSync(join(cwd, 'dist/data/current.json'), 'utf8')) as { synthetic: boolean };
      expect(current.synthetic).toBe(true);
      const index = await fetch(url);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toContain('text/html');

      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${url}?page=overview&region=6102&year=2019&lang=zh`);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
        expect(await page.locator('.synthetic-banner').textContent()).toContain('示例数据');
        expect(await page.locator('[data-chart] svg').count()).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    rmSync(cwd, { recursive: true, force: true });
  }, 300_000);
});
