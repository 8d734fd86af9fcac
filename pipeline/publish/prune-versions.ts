import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CurrentPointer } from '../../contract/published-types.ts';

/** Version folders under `<site>/data`, oldest first (version ids sort by time). */
export async function listVersions(site: string): Promise<string[]> {
  try {
    const entries = await readdir(join(site, 'data'), { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** The version current.json names, if any. */
export async function currentVersion(site: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(join(site, 'data', 'current.json'), 'utf8')) as Partial<CurrentPointer>).version;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the newest `keep` versions and the live one; removes older ones and staging folders left by
 * killed runs. Returns the versions removed.
 */
export async function pruneVersions(site: string, keep: number): Promise<string[]> {
  const live = await currentVersion(site);
  const versions = await listVersions(site);
  const doomed = versions.slice(0, Math.max(0, versions.length - keep)).filter((v) => v !== live);
  for (const v of doomed) await rm(join(site, 'data', v), { recursive: true, force: true });
  const entries = await readdir(join(site, 'data'), { withFileTypes: true }).catch(() => []);
  for (const e of entries)
    if (e.isDirectory() && e.name.startsWith('.staging-'))
      await rm(join(site, 'data', e.name), { recursive: true, force: true });
  return doomed;
}
