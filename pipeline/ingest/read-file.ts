import { readFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../cli-error.ts';
import { inboxIoError } from './inbox-io-error.ts';
import { readDelimited } from './read-delimited.ts';
import { readJson, readJsonLines } from './read-json.ts';
import { readParquet } from './read-parquet.ts';
import type { InboxFormat, ReadResult } from './source-table.ts';

/** Reads one inbox file in the format its name announces; `file` is how messages name it. */
export async function readInboxFile(
  connection: DuckDBConnection,
  path: string,
  file: string,
  format: InboxFormat,
): Promise<ReadResult> {
  if (format === 'parquet') return readParquet(connection, path, file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const checked = inboxIoError(error, 'file', file);
    if (checked instanceof CliError) throw checked;
    throw new CliError(`cannot read file: ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  if (bytes.length === 0) return { format, tables: [] };
  switch (format) {
    case 'csv':
    case 'tsv':
      return readDelimited(bytes, file, format);
    case 'xlsx': {
      // exceljs and its dependencies take a second to load: only a run with a workbook to read pays it.
      const { readXlsx } = await import('./read-xlsx.ts');
      return readXlsx(bytes, file);
    }
    case 'json':
      return readJson(bytes, file);
    case 'jsonl':
      return readJsonLines(bytes, file);
  }
}
