import { randomBytes } from 'node:crypto';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Reads the salt for hashing worker ids, creating it (owner-only) on first use. It lives beside the
 * warehouse, never under the published site, so published hashes cannot be joined back to ids.
 */
export function readOrCreateSalt(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const salt = randomBytes(32).toString('hex');
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${salt}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it between our read and write: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8').trim();
    throw error;
  }
  return salt;
}

/** A keyed hash of a personal value: stable for one salt, useless without it. */
export function personalHasher(salt: string): (value: string) => string {
  return (value) => createHmac('sha256', salt).update(value).digest('hex').slice(0, 32);
}
