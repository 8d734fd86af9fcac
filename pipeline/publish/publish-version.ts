import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CurrentPointer } from '../../contract/published-types.ts';
import { CliError } from '../cli-error.ts';
import { writeFileAtomic } from './write-atomic.ts';

/**
 * Publishes a version: `write` fills a hidden staging folder, which is renamed to
 * `<site>/data/<version>/`, then current.json is replaced by rename. Until that last rename the
 * previous version stays live; on any failure the staging folder is removed.
 */
export async function publishVersion(
  site: string,
  pointer: CurrentPointer,
  write: (dir: string) => Promise<void>,
): Promise<string> {
  const data = join(site, 'data');
  const staging = join(data, `.staging-${pointer.version}`);
  const target = join(data, pointer.version);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await write(staging);
    await rename(staging, target);
    await writeFileAtomic(join(data, 'current.json'), `${JSON.stringify(pointer, null, 2)}\n`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot publish to ${data}: ${code ?? (error as Error).message}; the previous version stays live`,
    );
  }
  return target;
}
