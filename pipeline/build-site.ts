import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Builds the dashboard app into the site folder with Vite, leaving its data/ folder alone. */
export async function buildSite(outDir: string): Promise<void> {
  const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
  if (!existsSync(configFile)) throw new Error(`no dashboard to build: ${configFile} is missing`);
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: false } });
}
