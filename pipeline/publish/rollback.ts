import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CurrentPointer, Manifest } from '../../contract/published-types.ts';
import { CliError } from '../cli-error.ts';
import { currentVersion, listVersions } from './prune-versions.ts';
import { writeFileAtomic } from './write-atomic.ts';

/**
 * Points current.json back at a kept version: the one named, or the one before the live version.
 * The version's own current.json facts (synthetic flag, generation time) come from its manifest.
 */
export async function rollback(site: string, version?: string): Promise<string> {
  const versions = await listVersions(site);
  const live = await currentVersion(site);
  let target = version;
  if (!target) {
    const index = live ? versions.indexOf(live) : versions.length;
    target = index > 0 ? versions[index - 1] : undefined;
    if (!target)
      throw new CliError(
        `no earlier version to roll back to in ${join(site, 'data')} (kept: ${versions.join(', ') || 'none'})`,
      );
  }
  if (!versions.includes(target))
    throw new CliError(`no such version: ${target} (kept: ${versions.join(', ') || 'none'})`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(site, 'data', target, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new CliError(`version is incomplete, no manifest.json: ${target}`);
  }
  const pointer: CurrentPointer = {
    version: target,
    generated_at: manifest.generated_at,
    synthetic: manifest.synthetic === true,
    rolled_back_from: live ?? null,
  };
  await writeFileAtomic(join(site, 'data', 'current.json'), `${JSON.stringify(pointer, null, 2)}\n`);
  return target;
}
