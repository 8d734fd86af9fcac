import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../cli-error.ts';
import { runSqlFile } from '../db/run-sql-file.ts';
import { isBlank } from '../extract/cell.ts';
import { inboxIoError } from '../extract/inbox-io-error.ts';
import type { InboxFile } from '../extract/list-inbox.ts';
import type { DatasetSpec } from '../schema/column.ts';
import { readInboxFile } from '../extract/read-file.ts';
import type { ReadResult, SourceTable } from '../extract/source-table.ts';
import { describeColumn } from './map-header.ts';
import { locateHeader } from './locate-header.ts';
import { parseRow, type RowContext } from './parse-row.ts';
import { RawAppender } from './raw-appender.ts';
import { statId } from './stat-id.ts';

/** What loading one file did, as recorded in inbox_file and printed on the progress line. */
export interface FileLoad {
  fileId: number;
  status: 'loaded' | 'empty';
  format: string;
  encoding: string | undefined;
  sheets: string[];
  rowsRead: number;
  rowsParseQuarantined: number;
  extraColumns: string[];
  message: string | undefined;
}

/**
 * The appenders of one ingest, opened once and shared by every file: opening and flushing them per
 * file cost more than the rows themselves for the small per-county files bureaus send.
 */
export class IngestAppenders {
  readonly #raw = new Map<string, RawAppender>();
  #quarantine: DuckDBAppender | undefined;
  constructor(private readonly connection: DuckDBConnection) {}

  async raw(spec: DatasetSpec): Promise<RawAppender> {
    let appender = this.#raw.get(spec.name);
    if (!appender) this.#raw.set(spec.name, (appender = await RawAppender.create(this.connection, spec)));
    return appender;
  }

  async quarantine(): Promise<DuckDBAppender> {
    return (this.#quarantine ??= await this.connection.createAppender('quarantine_parse'));
  }

  /** Flushes and closes every appender; the rows are in their tables afterwards. */
  close(): void {
    for (const appender of this.#raw.values()) appender.close();
    this.#raw.clear();
    this.#quarantine?.closeSync();
    this.#quarantine = undefined;
  }
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

/** SHA-256 of a file's bytes: its fingerprint for lineage and for incremental runs; `name` is how messages name it. */
export async function fileDigest(path: string, name: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw inboxIoError(error, 'file', name);
  }
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads one inbox file, parses and checks every row, appends the good ones to the dataset's raw table
 * and the bad ones to quarantine_parse, and records the file. A file that cannot be read, or that has
 * no table with the dataset's required columns, throws a CliError naming the file and what is missing.
 */
export async function loadFile(
  connection: DuckDBConnection,
  file: InboxFile,
  fileId: number,
  runId: string,
  ctx: RowContext,
  appenders: IngestAppenders,
): Promise<FileLoad> {
  const spec = file.dataset;
  const { result, located } = await readLocated(connection, file);
  const load: FileLoad = {
    fileId,
    status: 'loaded',
    format: result.format,
    encoding: result.encoding,
    sheets: [],
    rowsRead: 0,
    rowsParseQuarantined: 0,
    extraColumns: [],
    message: undefined,
  };
  const headerMap: Record<string, string> = {};
  if (located.length === 0) {
    load.status = 'empty';
    load.message = 'empty file: no header and no rows';
  } else {
    const usable = located.filter((l) => l.found);
    if (usable.length === 0) throw new CliError(headerMessage(file, located[0]!));
    const raw = await appenders.raw(spec);
    const quarantine = await appenders.quarantine();
    {
      for (const { table, located: header } of usable) {
        const { mapping, header: cells, dataStart } = header!;
        if (table.sheet !== undefined) load.sheets.push(table.sheet);
        for (const c of mapping.columns) headerMap[c.spec.name] ??= c.header;
        for (const extra of mapping.extras)
          if (!load.extraColumns.includes(extra.header)) load.extraColumns.push(extra.header);
        for (let i = dataStart; i < table.rows.length; i++) {
          const row = table.rows[i]!;
          if (row.cells.every(isBlank)) continue;
          load.rowsRead++;
          const parsed = parseRow(spec, mapping, cells, row.cells, ctx);
          if ('row' in parsed) raw.append(fileId, table.sheet, row.number, parsed.row);
          else {
            load.rowsParseQuarantined++;
            appendQuarantine(quarantine, fileId, spec.name, table.sheet, row.number, parsed.problems, parsed.raw);
          }
        }
      }
      const skipped = located.filter((l) => !l.found && l.table.sheet !== undefined).map((l) => l.table.sheet);
      if (skipped.length) load.message = `sheets without the ${spec.name} header, not read: ${skipped.join(', ')}`;
    }
  }
  await runSqlFile(connection, new URL('./record-file.sql', import.meta.url), {
    params: {
      file_id: fileId,
      dataset: spec.name,
      path: file.name,
      size: file.size,
      sha256: file.sha256 ?? (await fileDigest(file.path, file.name)),
      format: load.format,
      encoding: load.encoding ?? null,
      sheets: JSON.stringify(load.sheets),
      header_map: JSON.stringify(headerMap),
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
  return load;
}

function headerMessage(file: InboxFile, located: LocatedTable): string {
  const where = located.table.sheet !== undefined ? `${file.name} [${located.table.sheet}]` : file.name;
  const mapping = located.located?.mapping;
  if (mapping && mapping.problems.length > 0 && mapping.missing.length === 0)
    return `bad header in ${where}: ${mapping.problems.join('; ')}`;
  const missing = mapping ? mapping.missing : file.dataset.columns.filter((c) => c.required);
  const unit = mapping?.problems.length ? ` (${mapping.problems.join('; ')})` : '';
  return `missing required column in ${where}: ${missing.map(describeColumn).join(', ')}${unit}`;
}

function appendQuarantine(
  a: DuckDBAppender,
  fileId: number,
  dataset: string,
  sheet: string | undefined,
  rowNumber: number,
  problems: { column: string; rule: string; reason: string }[],
  raw: Record<string, string>,
): void {
  const first = problems[0]!;
  a.appendInteger(fileId);
  a.appendVarchar(dataset);
  if (sheet === undefined) a.appendNull();
  else a.appendVarchar(sheet);
  a.appendInteger(rowNumber);
  a.appendVarchar(first.column);
  a.appendVarchar(first.rule);
  a.appendVarchar(problems.map((p) => `${p.column}: ${p.reason}`).join('; '));
  a.appendVarchar(JSON.stringify(problems));
  a.appendVarchar(JSON.stringify(raw));
  a.endRow();
}
