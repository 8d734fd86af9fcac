import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { mapsPlugin } from './tools/maps/maps-plugin.ts';

const dist = fileURLToPath(new URL('./dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/octet-stream',
};

/**
 * In `vite dev`, serves the published data (dist/data) at /data, as a static host does after a build,
 * so the app always reads data at run time and a data-only change needs no rebuild.
 */
function publishedData(): Plugin {
  return {
    name: 'community-balance:published-data',
    configureServer(server) {
      server.middlewares.use('/data', (req, res) => {
        const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
        const file = join(dist, 'data', path);
        const missing = () => {
          // A missing data file is a 404, as on a static host, not the app's index.html.
          res.statusCode = 404;
          res.end('not found');
        };
        try {
          if (!statSync(file).isFile()) return missing();
        } catch {
          return missing();
        }
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(file).pipe(res);
      });
    },
  };
}

// The pipeline publishes into dist/data: a build must never wipe it (emptyOutDir: false), and the
// app is built with relative paths so the site can live under any folder.
export default defineConfig({
  root: fileURLToPath(new URL('./dashboard', import.meta.url)),
  base: './',
  plugins: [publishedData(), mapsPlugin()],
  build: {
    outDir: '../dist',
    emptyOutDir: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
});
