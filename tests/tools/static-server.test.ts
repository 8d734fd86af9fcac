import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../tools/serve/static-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'cb-serve-'));
writeFileSync(join(dir, 'index.html'), '<p>ok</p>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The status of a GET with the path sent exactly as given (fetch would normalise it). */
function status(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

// `npm start` serves the dashboard with this server: one odd request must not take it down for everyone.
describe('the static server', () => {
  it('answers odd request paths with 400 and goes on serving', async () => {
    const server = await serveStatic(dir);
    try {
      expect(await status(server.url, '//?page=overview')).toBe(200);
      expect(await status(server.url, '/%E0%A4%A')).toBe(400);
      expect(await status(server.url, '/../etc/passwd')).not.toBe(200);
      expect(await status(server.url, '/')).toBe(200);
    } finally {
      await server.close();
    }
  });
});
