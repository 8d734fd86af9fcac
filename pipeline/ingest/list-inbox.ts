import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { SkipReason, SkippedPath } from '../../contract/published-types.ts';
import { CliError } from '../cli-error.ts';
import { datasetSpec } from '../schema/datasets.ts';
import type { DatasetSpec } from '../schema/column.ts';
import { formatOfName } from './detect-format.ts';
import { inboxIoError } from './inbox-io-error.ts';
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
  /** Change time and inode: copy tools restore mtime, but not these, so an in-place edit still shows. */
  ctimeMs: number;
  ino: number;
  /** SHA-256 of the content, once fingerprinted. */
  sha256?: string;
}

/** What listing found: the files to read and every other path, with why it was not read. */
export interface InboxListing {
  files: InboxFile[];
  skipped: SkippedPath[];
}

/** Why each kind of path is passed over, in the run's own words (the quality page words them itself). */
export const SKIP_REASONS: Record<SkipReason, string> = {
  root_file: 'a file at the inbox root: put it in its dataset folder (communities, facilities, staff, funding, wages)',
  inbox_manifest: "the inbox's own description (manifest.json), not data",
  inbox_note: 'a note beside the data (README, .md, .txt), not data; nothing to do',
  not_dataset_folder: 'not a dataset folder (communities, facilities, staff, funding, wages)',
  unsupported_format: 'not a format the pipeline reads (csv, tsv, xlsx, parquet, json, jsonl)',
  old_excel: 'an old Excel or Word file (.xls, .doc): save it as .xlsx or CSV',
  office_lock: 'an Office lock file (~$…), left while the document is open',
  hidden: 'a hidden file or folder',
  symlink_loop: 'a link that leads back into a folder above it, not followed',
  broken_link: 'a link whose target does not exist',
  not_a_file: 'neither a file nor a folder (a device, socket or pipe)',
};

/** Paths that are meant to sit in an inbox without being data. */
export const EXPECTED_SKIPS: ReadonlySet<SkipReason> = new Set(['inbox_manifest', 'inbox_note']);

const OLD_OFFICE = new Set(['.xls', '.doc', '.ppt', '.wps', '.et']);

function skipReasonOfName(name: string): SkipReason | undefined {
  if (name.startsWith('~$')) return 'office_lock';
  if (name.startsWith('.')) return 'hidden';
  return undefined;
}

// Notes such as a README or the demo's SYNTHETIC.md belong at the root; telling the clerk to move them
// into a dataset folder would be wrong advice.
const NOTE = /^readme|\.(md|txt|rst)$/i;

const rootReason = (name: string): SkipReason =>
  name === 'manifest.json' ? 'inbox_manifest' : NOTE.test(name) ? 'inbox_note' : 'root_file';

const slash = (parts: string[]) => parts.join('/');

/** stat that follows links, naming a loop or a dangling link instead of throwing. */
async function follow(path: string, name: string): Promise<Stats | SkipReason> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'symlink_loop';
    if (code === 'ENOENT') return 'broken_link';
    throw inboxIoError(error, 'file', name);
  }
}

async function entries(dir: string, name: string): Promise<Dirent[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (error) {
    throw inboxIoError(error, 'folder', name);
  }
}

/**
 * Walks one dataset folder, following links; `ancestors` are the real paths of the folders above,
 * so a link back to one of them is reported instead of walked forever.
 */
async function walk(
  dataset: DatasetSpec,
  dir: string,
  parts: string[],
  ancestors: Set<string>,
  listing: InboxListing,
): Promise<void> {
  const found = await entries(dir, `${slash(parts)}/`);
  // A nightly national inbox holds ~12,000 files: one stat awaited at a time cost 1.6 s of an unchanged
  // rerun, so the folder's entries are stat-ed together and then taken in name order.
  const infos = await Promise.all(
    found.map((entry) =>
      skipReasonOfName(entry.name) ? undefined : follow(join(dir, entry.name), slash([...parts, entry.name])),
    ),
  );
  for (const [i, entry] of found.entries()) {
    const path = join(dir, entry.name);
    const rel = [...parts, entry.name];
    const early = skipReasonOfName(entry.name);
    if (early) {
      listing.skipped.push({ path: slash(rel) + (entry.isDirectory() ? '/' : ''), reason: early });
      continue;
    }
    const info = infos[i]!;
    if (typeof info === 'string') {
      listing.skipped.push({ path: slash(rel), reason: info });
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(path);
      if (ancestors.has(real)) {
        listing.skipped.push({ path: `${slash(rel)}/`, reason: 'symlink_loop' });
        continue;
      }
      await walk(dataset, path, rel, new Set([...ancestors, real]), listing);
      continue;
    }
    if (!info.isFile()) {
      listing.skipped.push({ path: slash(rel), reason: 'not_a_file' });
      continue;
    }
    const format = formatOfName(path);
    if (!format) {
      const reason = OLD_OFFICE.has(extname(path).toLowerCase()) ? 'old_excel' : 'unsupported_format';
      listing.skipped.push({ path: slash(rel), reason });
      continue;
    }
    listing.files.push({
      dataset,
      path,
      name: slash(rel),
      format,
      size: info.size,
      mtimeMs: info.mtimeMs,
      ctimeMs: info.ctimeMs,
      ino: info.ino,
    });
  }
}

/**
 * Lists every path under the inbox, sorted by name so runs are repeatable: the files of
 * `<inbox>/<dataset>/` (recursively, links followed) to read, and every other path with the reason it
 * is not read, so nothing in the inbox is passed over without a word.
 */
export async function listInbox(inbox: string): Promise<InboxListing> {
  let root: Stats;
  try {
    root = await stat(inbox);
  } catch (error) {
    const checked = inboxIoError(error, 'folder', inbox);
    if (checked instanceof CliError) throw checked;
    throw new CliError(
      `inbox not found: ${inbox}: if it is a network share, check that it is mounted; nothing was loaded`,
    );
  }
  if (!root.isDirectory()) throw new CliError(`inbox is not a folder: ${inbox}`);
  const listing: InboxListing = { files: [], skipped: [] };
  const rootReal = await realpath(inbox);
  for (const entry of await entries(inbox, inbox)) {
    const early = skipReasonOfName(entry.name);
    const info = early ?? (await follow(join(inbox, entry.name), entry.name));
    if (typeof info === 'string') {
      listing.skipped.push({ path: entry.name + (entry.isDirectory() ? '/' : ''), reason: info });
      continue;
    }
    if (!info.isDirectory()) {
      listing.skipped.push({ path: entry.name, reason: rootReason(entry.name) });
      continue;
    }
    const dataset = datasetSpec(entry.name);
    if (!dataset) {
      listing.skipped.push({ path: `${entry.name}/`, reason: 'not_dataset_folder' });
      continue;
    }
    const path = join(inbox, entry.name);
    await walk(dataset, path, [entry.name], new Set([rootReal, await realpath(path)]), listing);
  }
  return listing;
}
