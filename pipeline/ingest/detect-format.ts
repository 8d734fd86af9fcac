import { extname } from 'node:path';
import { CliError } from '../cli-error.ts';
import type { InboxFormat } from './source-table.ts';

const byExtension: Record<string, InboxFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.parquet': 'parquet',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The inbox format a file name announces, or undefined when the pipeline does not read it. */
export function formatOfName(path: string): InboxFormat | undefined {
  return byExtension[extname(path).toLowerCase()];
}

/** Whether a format is delimited text (CSV or TSV), which DuckDB's CSV reader reads. */
export function isDelimited(format: InboxFormat | undefined): boolean {
  return format === 'csv' || format === 'tsv';
}

/** Names the real kind of a file whose first bytes betray a binary format, for a message a clerk can act on. */
export function sniffBinary(head: Uint8Array): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a zip archive, probably an Excel workbook (save it as .xlsx)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Excel .xls workbook (save it as .xlsx or CSV)';
  if (starts(0x50, 0x41, 0x52, 0x31)) return 'a Parquet file (name it .parquet)';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff)) return 'an image';
  return undefined;
}

/** Refuses the old binary .xls with the fix, since only .xlsx can be read. */
export function assertReadable(path: string): void {
  if (extname(path).toLowerCase() === '.xls') {
    throw new CliError(`old Excel .xls format is not read: ${path} (save it as .xlsx or CSV)`);
  }
}
