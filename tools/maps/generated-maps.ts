import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundaryPackage, readBoundarySources } from './boundary-sources.ts';
import { writeMaps } from './write-maps.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CACHE = join(here, '../../.tmp/maps');

/**
 * What the generated files depend on: the boundary package's version and this generator's code. A
 * change to either makes a new cache entry, so a stale map is never copied into a site.
 */
function cacheKey(): string {
  const hash = createHash('sha256').update(boundaryPackage().version);
  for (const file of readdirSync(here).sort()) hash.update(file).update(readFileSync(join(here, file)));
  hash.update(readFileSync(join(here, '../../contract/map-files.ts')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The folder holding the generated map files (its maps/ subfolder), generating them once per key:
 * simplifying the whole country takes some seconds, and every site build (tests included) reuses it.
 * Written to a temporary folder and renamed, so a concurrent build sees either nothing or all of it.
 */
export async function generatedMaps(log: (line: string) => void = () => undefined): Promise<string> {
  const dir = join(CACHE, cacheKey());
  if (existsSync(dir)) return dir;
  mkdirSync(CACHE, { recursive: true });
  const temp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  const started = Date.now();
  const summary = await writeMaps(readBoundarySources(), temp);
  try {
    renameSync(temp, dir);
  } catch (error) {
    // Another build got there first with the same key: its files are the same.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
  log(
    `maps: ${summary.files} files, ${Math.round(summary.bytes / 1024)} KB, ${summary.unmapped} registry regions without a boundary (${Date.now() - started} ms)`,
  );
  return dir;
}

/** Copies the generated map files into a built site's maps/ folder, replacing what was there. */
export async function copyMapsInto(siteDir: string, log?: (line: string) => void): Promise<void> {
  const source = join(await generatedMaps(log), 'maps');
  const target = join(siteDir, 'maps');
  const temp = `${target}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  cpSync(source, temp, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(temp, target);
}
