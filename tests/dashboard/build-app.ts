import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the dashboard into a folder (emptied first), from the repository's vite.config.ts. */
export async function buildApp(outDir: string): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
}
