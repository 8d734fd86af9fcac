import { createReadStream, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Plugin } from 'vite';
import { copyMapsInto, generatedMaps } from './generated-maps.ts';

/**
 * Puts the generated map files into every build of the dashboard (`npm run build`, `npm start`, the
 * tests' builds) and serves them in `vite dev`: they are generated from the boundary package, never
 * committed.
 */
export function mapsPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'community-balance:maps',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      await copyMapsInto(outDir, (line) => this.info(line));
    },
    configureServer(server) {
      const ready = generatedMaps((line) => server.config.logger.info(line));
      server.middlewares.use('/maps', (req, res, next) => {
        void ready.then((dir) => {
          const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
          const file = join(dir, 'maps', path);
          try {
            if (!statSync(file).isFile()) return next();
          } catch {
            res.statusCode = 404;
            return res.end('not found');
          }
          res.setHeader('Content-Type', 'application/json');
          createReadStream(file).pipe(res);
        }, next);
      });
    },
  };
}
