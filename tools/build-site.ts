import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the dashboard app into a folder with Vite. By default the folder's data/ (the published
 * versions) is left alone; `empty` clears the folder first, for a build of its own. A relative folder is
 * the caller's (the working directory's), not Vite's root (dashboard/).
 */
export async function buildSite(outDir: string, options: { empty?: boolean; quiet?: boolean } = {}): Promise<void> {
  const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
  if (!existsSync(configFile)) throw new Error(`no dashboard to build: ${configFile} is missing`);
  const { build } = await import('vite');
  await build({
    configFile,
    logLevel: options.quiet ? 'silent' : 'warn',
    build: { outDir: resolve(outDir), emptyOutDir: options.empty === true },
  });
}
