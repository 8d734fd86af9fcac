import { randomBytes } from 'node:crypto';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from '../cli-error.ts';

/**
 * Reads the salt for hashing worker ids, or undefined when there is none (an empty file counts as
 * none). It lives beside the warehouse, never under the published site, so published hashes cannot
 * be joined back to ids.
 */
export function readSalt(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim() || undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new CliError(
      `cannot read the worker-id salt: ${path} (${code ?? 'unknown error'}): give the user that runs the pipeline read access to it`,
    );
  }
}

/** Creates a new salt file (owner-only), replacing an empty one. */
export function createSalt(path: string): string {
  const salt = randomBytes(32).toString('hex');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${salt}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return salt;
}

/** A keyed hash of a personal value: stable for one salt, useless without it. */
export function personalHasher(salt: string): (value: string) => string {
  return (value) => createHmac('sha256', salt).update(value).digest('hex').slice(0, 32);
}
