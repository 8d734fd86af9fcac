import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../../pipeline/cli-error.ts';
import { isBlank } from '../../pipeline/ingest/cell.ts';
import type { InboxFile } from '../../pipeline/ingest/list-inbox.ts';
import { readLocated, type FileLoad, type LoadFiles } from '../../pipeline/ingest/load-file.ts';
import type { DatasetSpec } from '../../pipeline/schema/column.ts';
import { headerMessage } from '../../pipeline/ingest/stage-file.ts';
import { widthProblem } from '../../pipeline/validate/width-problem.ts';
import { parseRow, rawCells, type RowContext } from '../../pipeline/validate/parse-row.ts';
import { RawAppender } from './raw-appender.ts';

/**
 * The row-by-row loader that SQL staging replaced, kept as the reference the differential test holds
 * the SQL checks to: every file read whole, every row parsed and checked in JS, appended one by one.
 */
export const referenceLoadFiles: LoadFiles = async (connection, files, { ctx, logger, failures }) => {
  const loads = new Map<number, FileLoad>();
  const appenders = new IngestAppenders(connection);
  try {
    for (const { file, fileId } of files) {
      try {
        loads.set(fileId, await loadFile(connection, file, { fileId, ctx, appenders }));
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        failures.push(error.message);
        logger.error(error.message);
      }
    }
  } finally {
    appenders.close();
  }
  return loads;
};

/**
 * The appenders of one ingest, opened once and shared by every file: opening and flushing them per
 * file cost more than the rows themselves for the small per-county files bureaus send.
 */
class IngestAppenders {
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

/**
 * Reads one inbox file, parses and checks every row, appends the good ones to the dataset's raw table
 * and the bad ones to quarantine_parse, and records the file. A file that cannot be read, or that has
 * no table with the dataset's required columns, throws a CliError naming the file and what is missing.
 */
async function loadFile(
  connection: DuckDBConnection,
  file: InboxFile,
  options: { fileId: number; ctx: RowContext; appenders: IngestAppenders },
): Promise<FileLoad> {
  const { fileId, ctx, appenders } = options;
  const spec = file.dataset;
  const { result, located } = await readLocated(connection, file);
  const load: FileLoad = {
    status: 'loaded',
    format: result.format,
    encoding: result.encoding,
    sheets: [],
    rowsRead: 0,
    rowsParseQuarantined: 0,
    extraColumns: [],
    message: undefined,
    headerMap: {},
  };
  const headerMap = load.headerMap;
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
          const broken = row.problem ?? (table.checkWidth ? widthProblem(cells, row.cells) : undefined);
          if (!broken && row.cells.every(isBlank)) continue;
          load.rowsRead++;
          if (broken) {
            load.rowsParseQuarantined++;
            // Cells out of place cannot be told apart: a personal one may sit under any header, so none is kept.
            const raw = spec.columns.some((c) => c.personal) ? {} : rawCells(mapping, cells, row.cells, ctx);
            appendQuarantine(quarantine, {
              fileId,
              dataset: spec.name,
              sheet: table.sheet,
              rowNumber: row.number,
              problems: [{ column: '', ...broken }],
              raw,
            });
            continue;
          }
          const parsed = parseRow(spec, mapping, cells, row.cells, ctx);
          if ('row' in parsed) raw.append(fileId, table.sheet, row.number, parsed.row);
          else {
            load.rowsParseQuarantined++;
            appendQuarantine(quarantine, {
              fileId,
              dataset: spec.name,
              sheet: table.sheet,
              rowNumber: row.number,
              problems: parsed.problems,
              raw: parsed.raw,
            });
          }
        }
      }
      const skipped = located.filter((l) => !l.found && l.table.sheet !== undefined).map((l) => l.table.sheet);
      if (skipped.length) load.message = `sheets without the ${spec.name} header, not read: ${skipped.join(', ')}`;
    }
  }
  return load;
}

/** A row that failed its checks, where it was and why, with its raw cells (for the warehouse only). */
interface QuarantinedRow {
  fileId: number;
  dataset: string;
  sheet: string | undefined;
  rowNumber: number;
  problems: { column: string; rule: string; reason: string }[];
  raw: Record<string, string>;
}

function appendQuarantine(a: DuckDBAppender, row: QuarantinedRow): void {
  const { fileId, dataset, sheet, rowNumber, problems, raw } = row;
  const first = problems[0]!;
  a.appendInteger(fileId);
  a.appendVarchar(dataset);
  if (sheet === undefined) a.appendNull();
  else a.appendVarchar(sheet);
  a.appendInteger(rowNumber);
  a.appendVarchar(first.column);
  a.appendVarchar(first.rule);
  a.appendVarchar(problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)).join('; '));
  a.appendVarchar(JSON.stringify(problems));
  a.appendVarchar(JSON.stringify(raw));
  a.endRow();
}
