import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CliError } from '../cli-error.ts';
import { datasetSpec } from '../schema/datasets.ts';
import type { DatasetSpec } from '../schema/column.ts';
import { formatOfName } from './detect-format.ts';
import type { InboxFormat } from './source-table.ts';

/** One file of the inbox that the pipeline reads. */
export interface InboxFile {
  dataset: DatasetSpec;
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the inbox with '/' separators: how every message and table names the file. */
  name: string;
  format: InboxFormat;
  size: number;
  /** Modification time, for the fingerprint's fast path. */
  mtimeMs: number;
  /** SHA-256 of the content, once fingerprinted. */
  sha256?: string;
}

/** What listing found: the files to read and the ones passed over, with why. */
export interface InboxListing {
  files: InboxFile[];
  skipped: { name: string; reason: string }[];
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) paths.push(...(await walk(path)));
    else if (entry.isFile()) paths.push(path);
  }
  return paths;
}

/**
 * Lists every file under `<inbox>/<dataset>/` (recursively), sorted by name so runs are repeatable.
 * Hidden files and Office lock files (~$…) are ignored; files in other folders or of unknown types
 * are listed as skipped.
 */
export async function listInbox(inbox: string): Promise<InboxListing> {
  try {
    if (!(await stat(inbox)).isDirectory()) throw new CliError(`inbox is not a folder: ${inbox}`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`inbox not found: ${inbox}`);
  }
  const listing: InboxListing = { files: [], skipped: [] };
  const entries = await readdir(inbox, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const dataset = datasetSpec(entry.name);
    if (!dataset) {
      listing.skipped.push({
        name: `${entry.name}/`,
        reason: 'not a dataset folder (communities, facilities, staff, funding, wages)',
      });
      continue;
    }
    for (const path of (await walk(join(inbox, entry.name))).sort()) {
      const name = relative(inbox, path).split(sep).join('/');
      const format = formatOfName(path);
      if (!format) {
        listing.skipped.push({
          name,
          reason: 'not a format the pipeline reads (csv, tsv, xlsx, parquet, json, jsonl)',
        });
        continue;
      }
      const info = await stat(path);
      listing.files.push({ dataset, path, name, format, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return listing;
}
