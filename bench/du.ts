import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes and files under a folder. */
export function diskUsage(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Bytes as MB with one decimal. */
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
