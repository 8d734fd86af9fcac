import { randomBytes } from 'node:crypto';

/** A run id that sorts by time: 20261123T081500Z-3fa2. */
export function newRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}
