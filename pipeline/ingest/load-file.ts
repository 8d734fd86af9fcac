import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../cli-error.ts';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { Logger } from '../logger.ts';
import { failpoint } from '../run/failpoint.ts';
import { createStaging, validateStaged, type RowCounts } from '../validate/validate-staged.ts';
import { locateHeader } from '../validate/locate-header.ts';
import type { RowContext } from '../validate/parse-row.ts';
import { isBlank } from './cell.ts';
import { isDelimited } from './detect-format.ts';
import { inboxIoError } from './inbox-io-error.ts';
import type { InboxFile } from './list-inbox.ts';
import { readInboxFile } from './read-file.ts';
import type { ReadResult, SourceTable } from './source-table.ts';
import {
  discardText,
  prepareText,
  StageAppender,
  stageFile,
  type PreparedText,
  type StagedFile,
} from './stage-file.ts';
import { statId } from './stat-id.ts';

/** What loading one file did, as recorded in inbox_file and printed on the progress line. */
export interface FileLoad {
  status: 'loaded' | 'empty';
  format: string;
  encoding: string | undefined;
  sheets: string[];
  rowsRead: number;
  rowsParseQuarantined: number;
  extraColumns: string[];
  headerMap: Record<string, string>;
  message: string | undefined;
}

/**
 * Loads new and changed files: rows that parse go to the raw tables, the others to quarantine_parse.
 * A file that cannot be read adds its message to `failures` instead; the caller then loads nothing.
 */
export type LoadFiles = (
  connection: DuckDBConnection,
  files: { file: InboxFile; fileId: number }[],
  options: {
    ctx: RowContext;
    logger: Logger;
    failures: string[];
    /** Opens the connection that stages and checks rows outside the warehouse's transaction (default: the same one). */
    staging?: () => Promise<DuckDBConnection>;
  },
) => Promise<Map<number, FileLoad>>;

/**
 * Input bytes after which the staged rows are checked and moved out. The row checks are one large
 * statement whose set-up costs about as much as checking a few megabytes, so batches are big; the
 * staging is dropped after each, so its memory stays bounded (a few hundred MB at this size).
 */
const BATCH_BYTES = 64 * 1024 * 1024;

/** A file's text being made ready ahead of its turn. */
interface Prefetch {
  file: InboxFile;
  text: Promise<PreparedText | undefined>;
}

function prepareNext(file: InboxFile | undefined): Prefetch | undefined {
  if (!file || !isDelimited(file.format)) return undefined;
  const text = prepareText(file);
  // Its failure is reported when the file's turn comes; until then it must not count as unhandled.
  text.catch(() => undefined);
  return { file, text };
}

/**
 * Stages every file as text (DuckDB's readers where they can number rows as the file shows them),
 * then checks the staged rows in SQL, in batches.
 */
export const loadFiles: LoadFiles = async (connection, files, { ctx, logger, failures, staging: open }) => {
  const staging = open ? await open() : connection;
  const folder = mkdtempSync(join(tmpdir(), 'cb-checked-'));
  const sink = { warehouse: connection, folder };
  const staged = new Map<number, StagedFile>();
  const counts: RowCounts = new Map();
  let next: Prefetch | undefined;
  try {
    await createStaging(staging);
    const stage = new StageAppender(staging);
    let batchBytes = 0;
    // The next file's text is scanned (and transcoded) in JavaScript while DuckDB reads this one, so
    // the two cores work at once instead of in turn.
    next = prepareNext(files[0]?.file);
    for (const [i, { file, fileId }] of files.entries()) {
      const prepared = next;
      next = prepareNext(files[i + 1]?.file);
      try {
        staged.set(fileId, await stageFile(staging, file, { fileId, stage, prepared: prepared?.text }));
        await failpoint('ingest');
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        failures.push(error.message);
        logger.error(error.message);
        continue;
      }
      batchBytes += file.size;
      if (batchBytes > BATCH_BYTES && failures.length === 0) {
        stage.flush();
        await validateStaged(staging, ctx, counts, sink);
        batchBytes = 0;
      }
    }
    stage.flush();
    if (failures.length === 0) await validateStaged(staging, ctx, counts, sink);
  } finally {
    if (next) discardText(next.file, await next.text.catch(() => undefined));
    if (staging !== connection) staging.closeSync();
    rmSync(folder, { recursive: true, force: true });
  }
  const loads = new Map<number, FileLoad>();
  for (const [fileId, s] of staged) {
    const c = counts.get(fileId);
    loads.set(fileId, {
      status: s.status,
      format: s.format,
      encoding: s.encoding,
      sheets: s.sheets,
      extraColumns: s.extraColumns,
      headerMap: s.headerMap,
      message: s.message,
      rowsRead: c?.rowsRead ?? 0,
      rowsParseQuarantined: c?.rowsQuarantined ?? 0,
    });
  }
  return loads;
};

/** Records a loaded file in inbox_file, with its row counts. */
export async function recordFile(
  connection: DuckDBConnection,
  file: InboxFile,
  load: FileLoad,
  options: { fileId: number; runId: string; ctx: RowContext },
): Promise<void> {
  const { fileId, runId, ctx } = options;
  await runSqlFile(connection, new URL('./record-file.sql', import.meta.url), {
    params: {
      file_id: fileId,
      dataset: file.dataset.name,
      path: file.name,
      size: file.size,
      sha256: file.sha256 ?? (await fileDigest(file.path, file.name)),
      format: load.format,
      encoding: load.encoding ?? null,
      sheets: JSON.stringify(load.sheets),
      header_map: JSON.stringify(load.headerMap),
      extra_columns: JSON.stringify(load.extraColumns),
      status: load.status,
      message: load.message ?? null,
      rows_read: load.rowsRead,
      rows_parse_quarantined: load.rowsParseQuarantined,
      run_id: runId,
      loaded_at: (ctx.now ?? new Date()).toISOString(),
      mtime_ms: file.mtimeMs,
      stat_id: statId(file),
    },
  });
}

/** A table of a file with its header located (found = it carries every required column). */
export type LocatedTable = ReturnType<typeof locateHeader> & { table: SourceTable };

/** Reads a file and locates the dataset's header in each of its non-empty tables. */
export async function readLocated(
  connection: DuckDBConnection,
  file: InboxFile,
): Promise<{ result: ReadResult; located: LocatedTable[] }> {
  const result = await readInboxFile(connection, file.path, file.name, file.format);
  const nonEmpty = result.tables.filter((t) => t.header || t.rows.some((r) => r.cells.some((c) => !isBlank(c))));
  return { result, located: nonEmpty.map((table) => ({ table, ...locateHeader(file.dataset, table) })) };
}

/** SHA-256 of a file's bytes, read in chunks: its fingerprint for lineage and incremental runs; `name` names it. */
export async function fileDigest(path: string, name: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch (error) {
    throw inboxIoError(error, 'file', name);
  }
  return hash.digest('hex');
}
