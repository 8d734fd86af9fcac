import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { structValue, INTEGER, LIST, VARCHAR, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../cli-error.ts';
import { runSql, runSqlFile } from '../db/run-sql-file.ts';
import type { DatasetSpec } from '../schema/column.ts';
import { describeColumn } from '../validate/map-header.ts';
import { locateHeader, type LocatedHeader } from '../validate/locate-header.ts';
import { stageMapColumns, stageMapTable } from '../validate/staged-rows-sql.ts';
import { cellText, isBlank } from './cell.ts';
import { delimitedRecords } from './delimited-records.ts';
import { isDelimited } from './detect-format.ts';
import type { InboxFile } from './list-inbox.ts';
import { readInboxFile } from './read-file.ts';
import { scanText, transcodeToUtf8, type TextScan } from './scan-text.ts';
import type { ReadResult, SourceTable } from './source-table.ts';

/** What staging one file found, before its rows are checked: recorded in inbox_file with the counts. */
export interface StagedFile {
  status: 'loaded' | 'empty';
  format: string;
  encoding: string | undefined;
  sheets: string[];
  extraColumns: string[];
  headerMap: Record<string, string>;
  message: string | undefined;
  /** Which reader gave the rows: DuckDB's read_csv, or the line-exact reader for files it rejects rows of. */
  reader: 'read_csv' | 'line-exact' | 'structured';
}

/** Cells beyond the widest head row that read_csv still accepts; a wider row goes to the line-exact reader. */
const SPARE_COLUMNS = 8;

/**
 * The staging appenders of one ingest: the all-text rows, and each dataset's header maps. Opened once
 * per batch: per-file appenders, or an insert statement per file's map, cost more than small files.
 */
export class StageAppender {
  #rows: DuckDBAppender | undefined;
  readonly #maps = new Map<string, DuckDBAppender>();
  constructor(private readonly connection: DuckDBConnection) {}
  async get(): Promise<DuckDBAppender> {
    return (this.#rows ??= await this.connection.createAppender('stage_row'));
  }
  async map(spec: DatasetSpec): Promise<DuckDBAppender> {
    let appender = this.#maps.get(spec.name);
    if (!appender) {
      appender = await this.connection.createAppender(stageMapTable(spec));
      this.#maps.set(spec.name, appender);
    }
    return appender;
  }
  /** Flushes the appended rows into stage_row, before SQL adds to it. */
  flushRows(): void {
    this.#rows?.closeSync();
    this.#rows = undefined;
  }
  /** Flushes every appender, before the staging is checked. */
  flush(): void {
    this.flushRows();
    for (const appender of this.#maps.values()) appender.closeSync();
    this.#maps.clear();
  }
}

/**
 * Reads one inbox file into the all-text staging rows (stage_row) and records where the dataset's
 * columns sit in it (stage_map_<dataset>). CSV and TSV go through DuckDB's read_csv; a file it rejects
 * rows of (a quote that does not close, mixed line ends) is read by the line-exact reader instead, so
 * every physical line is still counted. A file without the dataset's header throws, naming it.
 */
export async function stageFile(
  connection: DuckDBConnection,
  file: InboxFile,
  options: { fileId: number; stage: StageAppender; prepared?: Promise<PreparedText | undefined> },
): Promise<StagedFile> {
  const { fileId, stage } = options;
  if (isDelimited(file.format)) {
    const fast = await stageDelimited(connection, file, fileId, stage, options.prepared);
    if (fast) return fast;
  }
  const result = await readInboxFile(connection, file.path, file.name, file.format);
  const reader = isDelimited(file.format) ? 'line-exact' : 'structured';
  return stageTables(file, fileId, stage, result, reader);
}

type Located = { table: SourceTable; found: boolean; located: LocatedHeader | undefined };

function locate(spec: DatasetSpec, tables: SourceTable[]): Located[] {
  const nonEmpty = tables.filter((t) => t.header || t.rows.some((r) => r.cells.some((c) => !isBlank(c))));
  return nonEmpty.map((table) => ({ table, ...locateHeader(spec, table) }));
}

/** Why a file without a usable header is refused: what is missing or wrong, naming the file and sheet. */
export function headerMessage(file: InboxFile, located: Pick<Located, 'table' | 'located'>): string {
  const where = located.table.sheet !== undefined ? `${file.name} [${located.table.sheet}]` : file.name;
  const mapping = located.located?.mapping;
  if (mapping && mapping.problems.length > 0 && mapping.missing.length === 0)
    return `bad header in ${where}: ${mapping.problems.join('; ')}`;
  const missing = mapping ? mapping.missing : file.dataset.columns.filter((c) => c.required);
  const unit = mapping?.problems.length ? ` (${mapping.problems.join('; ')})` : '';
  return `missing required column in ${where}: ${missing.map(describeColumn).join(', ')}${unit}`;
}

/** Records one staged table's header: its cells as text, the columns' places, units and labels. */
async function recordMap(
  stage: StageAppender,
  spec: DatasetSpec,
  fileId: number,
  table: SourceTable,
  header: LocatedHeader,
  staged: StagedFile,
): Promise<void> {
  const { mapping } = header;
  const cells = header.header.map(cellText);
  let width = cells.length;
  while (width > 0 && isBlank(header.header[width - 1])) width--;
  const byName = new Map(mapping.columns.map((c) => [c.spec.name, c]));
  const values: Record<string, unknown> = {};
  for (const c of spec.columns) {
    const m = byName.get(c.name);
    values[`i_${c.name}`] = m ? m.index + 1 : null;
    values[`f_${c.name}`] = m ? m.factor : 1;
    values[`u_${c.name}`] = m?.unit ?? null;
    values[`l_${c.name}`] = m?.header ?? null;
    if (m) staged.headerMap[c.name] ??= m.header;
  }
  for (const extra of mapping.extras)
    if (!staged.extraColumns.includes(extra.header)) staged.extraColumns.push(extra.header);
  const appender = await stage.map(spec);
  appender.appendInteger(fileId);
  if (table.sheet === undefined) appender.appendNull();
  else appender.appendVarchar(table.sheet);
  appender.appendList(cells, LIST(VARCHAR));
  if (table.checkWidth) appender.appendInteger(width);
  else appender.appendNull();
  appender.appendList(
    cells.flatMap((h, i) => (isBlank(h) ? [] : [i + 1])),
    LIST(INTEGER),
  );
  appender.appendList(
    mapping.extras.map((e) => e.index + 1),
    LIST(INTEGER),
  );
  for (const c of stageMapColumns(spec)) {
    const value = values[c.name];
    if (value === null || value === undefined) appender.appendNull();
    else if (c.type === 'integer') appender.appendInteger(value as number);
    else if (c.type === 'double') appender.appendDouble(value as number);
    else appender.appendVarchar(value as string);
  }
  appender.endRow();
}

/** Stages the rows a JS reader gave (workbooks, JSON, Parquet, and delimited files read line-exact). */
async function stageTables(
  file: InboxFile,
  fileId: number,
  stage: StageAppender,
  result: ReadResult,
  reader: StagedFile['reader'],
): Promise<StagedFile> {
  const spec = file.dataset;
  const staged: StagedFile = {
    status: 'loaded',
    format: result.format,
    encoding: result.encoding,
    sheets: [],
    extraColumns: [],
    headerMap: {},
    message: undefined,
    reader,
  };
  const located = locate(spec, result.tables);
  if (located.length === 0) {
    staged.status = 'empty';
    staged.message = 'empty file: no header and no rows';
    return staged;
  }
  const usable = located.filter((l) => l.found);
  if (usable.length === 0) throw new CliError(headerMessage(file, located[0]!));
  const appender = await stage.get();
  const listType = LIST(VARCHAR);
  for (const { table, located: header } of usable) {
    if (table.sheet !== undefined) staged.sheets.push(table.sheet);
    await recordMap(stage, spec, fileId, table, header!, staged);
    for (let i = header!.dataStart; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      appender.appendInteger(fileId);
      if (table.sheet === undefined) appender.appendNull();
      else appender.appendVarchar(table.sheet);
      appender.appendInteger(row.number);
      if (row.problem) {
        appender.appendVarchar(row.problem.rule);
        appender.appendVarchar(row.problem.reason);
      } else {
        appender.appendNull();
        appender.appendNull();
      }
      appender.appendList(
        Array.from({ length: row.cells.length }, (_, k) => cellText(row.cells[k])),
        listType,
      );
      appender.endRow();
    }
  }
  const skipped = located.filter((l) => !l.found && l.table.sheet !== undefined).map((l) => l.table.sheet);
  if (skipped.length) staged.message = `sheets without the ${spec.name} header, not read: ${skipped.join(', ')}`;
  return staged;
}

function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.split('\t').length > firstLine.split(',').length ? '\t' : ',';
}

let temporaryFiles = 0;

/**
 * The read_csv path: one streaming pass finds the encoding and the empty lines, the head gives the
 * header, DuckDB reads every row as text, and each row's physical line is computed from its place,
 * the line breaks inside its quoted cells and the empty lines before it. Undefined when the file
 * needs the line-exact reader.
 */
/** A delimited file's text made ready for read_csv: its scan, the UTF-8 path to read, and its head. */
export interface PreparedText {
  scan: TextScan;
  /** The file itself, or its UTF-8 transcoding in the temp folder (removed once staged). */
  path: string;
  headText: string;
}

/**
 * The JavaScript part of the read_csv path: one streaming pass for the encoding and the empty lines,
 * and the transcoding of a GB18030 file. Undefined when the file needs the line-exact reader.
 */
export async function prepareText(file: InboxFile): Promise<PreparedText | undefined> {
  if (file.size === 0) return undefined;
  const scan = await scanText(file.path, file.name);
  if (scan.encoding !== 'utf-8' && scan.encoding !== 'utf-8-bom' && scan.encoding !== 'gb18030') return undefined;
  if (scan.encoding !== 'gb18030')
    return { scan, path: file.path, headText: new TextDecoder('utf-8', { ignoreBOM: false }).decode(scan.head) };
  const path = join(tmpdir(), `cb-transcoded-${process.pid}-${temporaryFiles++}.csv`);
  await transcodeToUtf8(file.path, path, file.name);
  return { scan, path, headText: new TextDecoder('gb18030').decode(scan.head) };
}

/** Removes a prepared file's transcoding, for a prepared file that is not staged after all. */
export function discardText(file: InboxFile, text: PreparedText | undefined): void {
  if (text && text.path !== file.path) rmSync(text.path, { force: true });
}

async function stageDelimited(
  connection: DuckDBConnection,
  file: InboxFile,
  fileId: number,
  stage: StageAppender,
  prepared: Promise<PreparedText | undefined> | undefined,
): Promise<StagedFile | undefined> {
  const text = await (prepared ?? prepareText(file));
  if (!text) return undefined;
  const { scan, path, headText } = text;
  try {
    const delimiter = file.format === 'tsv' ? '\t' : sniffDelimiter(headText);
    const records = delimitedRecords(headText, delimiter);
    // The head's last record may be cut where the head ends; the whole-file records come from DuckDB.
    const whole = scan.headIsWhole ? records : records.slice(0, -1);
    const rows = whole.map((r) => ({ number: r.line, cells: r.cells }));
    const table: SourceTable = { rows, checkWidth: true };
    const [located] = locate(file.dataset, [table]);
    if (!located || !located.found || whole.some((r) => r.brokenQuote)) return undefined;
    const header = located.located!;
    const width = Math.max(...whole.map((r) => r.cells.length)) + SPARE_COLUMNS;
    stage.flushRows();
    // Rows are numbered by place when every record of the head up to the one after the header starts
    // on the line of its place: then only the rows below the header can break that, which SQL checks.
    const headerIndex = whole.findIndex((r) => r.line === header.headerRowNumber);
    const placed =
      headerIndex >= 0 &&
      scan.blankLines.length === 0 &&
      whole.every((r, i) => i > headerIndex + 1 || r.line === i + 1);
    const loaded = await readCsvRows(connection, { path, delimiter, width, fileId, scan, header, placed });
    if (!loaded) return undefined;
    const staged: StagedFile = {
      status: 'loaded',
      format: file.format,
      encoding: scan.encoding,
      sheets: [],
      extraColumns: [],
      headerMap: {},
      message: undefined,
      reader: 'read_csv',
    };
    await recordMap(stage, file.dataset, fileId, table, header, staged);
    return staged;
  } finally {
    discardText(file, text);
  }
}

async function readCsvRows(
  connection: DuckDBConnection,
  options: {
    path: string;
    delimiter: string;
    width: number;
    fileId: number;
    scan: { blankLines: number[] };
    header: LocatedHeader;
    placed: boolean;
  },
): Promise<boolean> {
  const { path, delimiter, width, fileId, scan, header, placed } = options;
  const names = Array.from({ length: width }, (_, i) => `c${i + 1}`);
  const read = {
    identifiers: { cells: names },
    params: { path, delimiter, columns: structValue(Object.fromEntries(names.map((n) => [n, 'VARCHAR']))) },
  };
  if (placed) {
    // Most files: straight into the staging, saving a copy of every row through a scan table.
    try {
      await runSqlFile(connection, new URL('./read-csv-stage.sql', import.meta.url), {
        identifiers: read.identifiers,
        params: { ...read.params, file_id: fileId, header_line: header.headerRowNumber },
      });
    } catch {
      return false;
    }
    const [check] = await runSqlFile(connection, new URL('./stage-csv-check.sql', import.meta.url), {
      params: { file_id: fileId },
    });
    if (Number(check!.rejects) === 0 && !check!.multiline) return true;
    await runSql(connection, 'delete from stage_row where file_id = $file_id', { file_id: fileId });
    if (Number(check!.rejects) > 0) return false;
  }
  try {
    await runSqlFile(connection, new URL('./read-csv-scan.sql', import.meta.url), read);
  } catch {
    // DuckDB refused the file as a whole (mixed line ends, a quote it cannot recover from).
    return false;
  }
  const [check] = await runSqlFile(connection, new URL('./read-csv-check.sql', import.meta.url));
  if (Number(check!.rejects) > 0) return false;
  if (scan.blankLines.length > 0 && check!.multiline) return false;
  await runSql(connection, 'delete from stage_blank');
  if (scan.blankLines.length > 0) {
    const appender = await connection.createAppender('stage_blank');
    scan.blankLines.forEach((b, j) => {
      appender.appendInteger(b - (j + 1));
      appender.endRow();
    });
    appender.closeSync();
  }
  // Files with neither empty lines nor cells spanning lines are numbered by place.
  const plain = scan.blankLines.length === 0 && !check!.multiline;
  await runSqlFile(
    connection,
    new URL(plain ? './stage-csv-plain-rows.sql' : './stage-csv-rows.sql', import.meta.url),
    {
      params: { file_id: fileId, header_line: header.headerRowNumber },
    },
  );
  return true;
}
