import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import { listInbox, type InboxFile, type InboxListing } from '../extract/list-inbox.ts';
import { fileDigest } from './load-file.ts';
import { statId } from './stat-id.ts';

/** An inbox file as the plan sees it: new or changed ones are loaded, unchanged ones kept. */
export interface PlannedFile extends InboxFile {
  sha256: string;
  status: 'added' | 'changed' | 'unchanged';
  /** The warehouse's id of the file's current rows (unchanged files). */
  fileId?: number;
}

/** A file whose loaded rows a run forgets. */
export interface ForgottenFile {
  fileId: number;
  dataset: string;
  path: string;
  rows: number;
}

/** What differs between the inbox and what the warehouse last loaded from it. */
export interface IngestPlan {
  files: PlannedFile[];
  removed: ForgottenFile[];
  /** Old versions of changed files, whose rows go before the new ones come in. */
  replaced: ForgottenFile[];
  skipped: InboxListing['skipped'];
  /** Unchanged files whose modification or change time moved (touched, copied): the new times are recorded. */
  touched: { fileId: number; mtimeMs: number; statId: string }[];
}

/** True when the plan loads or forgets nothing. */
export function planIsEmpty(plan: IngestPlan): boolean {
  return plan.removed.length === 0 && plan.replaced.length === 0 && plan.files.every((f) => f.status === 'unchanged');
}

/**
 * Fingerprints every inbox file (path, size, SHA-256 of the content) and compares them with the
 * warehouse's inbox_file; a file whose size and modification time did not change is not read again.
 * A full refresh re-reads, forgets and reloads everything.
 */
export async function planIngest(
  connection: DuckDBConnection,
  inbox: string,
  fullRefresh: boolean,
): Promise<IngestPlan> {
  const listing = await listInbox(inbox);
  const known = new Map(
    (await runSqlFile(connection, new URL('./known-files.sql', import.meta.url))).map((r) => [
      r.path as string,
      {
        fileId: r.file_id as number,
        dataset: r.dataset as string,
        sha256: r.sha256 as string,
        size: Number(r.size),
        rows: r.rows_read as number,
        mtimeMs: r.mtime_ms as number | null,
        statId: r.stat_id as string | null,
      },
    ]),
  );
  const plan: IngestPlan = { files: [], removed: [], replaced: [], skipped: listing.skipped, touched: [] };
  for (const file of listing.files) {
    const old = known.get(file.name);
    // As git's index does: a file whose size, modification time, inode and change time are as
    // fingerprinted keeps its hash. Copy tools restore mtime; the kernel sets ctime, so an edit shows.
    const same =
      !fullRefresh &&
      old !== undefined &&
      old.size === file.size &&
      old.mtimeMs === file.mtimeMs &&
      old.statId === statId(file);
    const sha256 = same ? old.sha256 : await fileDigest(file.path, file.name);
    known.delete(file.name);
    if (!old) plan.files.push({ ...file, sha256, status: 'added' });
    else if (!fullRefresh && old.sha256 === sha256 && old.size === file.size) {
      plan.files.push({ ...file, sha256, status: 'unchanged', fileId: old.fileId });
      if (old.mtimeMs !== file.mtimeMs || old.statId !== statId(file))
        plan.touched.push({ fileId: old.fileId, mtimeMs: file.mtimeMs, statId: statId(file) });
    } else {
      plan.files.push({ ...file, sha256, status: fullRefresh && old.sha256 === sha256 ? 'added' : 'changed' });
      plan.replaced.push({ fileId: old.fileId, dataset: old.dataset, path: file.name, rows: old.rows });
    }
  }
  for (const [path, old] of known)
    plan.removed.push({ fileId: old.fileId, dataset: old.dataset, path, rows: old.rows });
  return plan;
}

/** Records the new modification times of touched but unchanged files, so later runs skip hashing them. */
export async function recordTouched(connection: DuckDBConnection, plan: IngestPlan): Promise<void> {
  for (const t of plan.touched) {
    await runSqlFile(connection, new URL('./record-mtime.sql', import.meta.url), {
      params: { file_id: t.fileId, mtime_ms: t.mtimeMs, stat_id: t.statId },
    });
  }
}
