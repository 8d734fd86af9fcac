import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../cli-error.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** The pointer a reader follows to the live version (SPEC §7). */
export interface CurrentPointer {
  version: string;
  generated_at: string;
  synthetic: boolean;
  [key: string]: unknown;
}

/**
 * Publishes a version: writes its files into a hidden folder, renames it to `<site>/data/<version>/`,
 * then replaces current.json by rename. Until that last rename the previous version stays live.
 */
export async function publishVersion(
  site: string,
  pointer: CurrentPointer,
  files: Record<string, string | Uint8Array>,
): Promise<string> {
  const data = join(site, 'data');
  const staging = join(data, `.staging-${pointer.version}`);
  const target = join(data, pointer.version);
  try {
    await rm(staging, { recursive: true, force: true });
    for (const [name, content] of Object.entries(files)) {
      const path = join(staging, name);
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, content);
    }
    await rename(staging, target);
    await writeFileAtomic(join(data, 'current.json'), `${JSON.stringify(pointer, null, 2)}\n`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot publish to ${data}: ${code ?? (error as Error).message}; the previous version stays live`);
  }
  return target;
}
