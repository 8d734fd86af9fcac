import type { DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../cli-error.ts';
import type { Cell } from './cell.ts';
import type { RawRow, ReadResult } from './source-table.ts';

function asCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return String(value);
}

/** Reads a Parquet file with DuckDB's built-in reader; a row's number is its 1-based position. */
export async function readParquet(connection: DuckDBConnection, path: string, file: string): Promise<ReadResult> {
  let result;
  try {
    result = await connection.runAndReadAll('select * from read_parquet($path)', { path });
  } catch (error) {
    // Only the kind of DuckDB's error ("Invalid Input Error", "IO Error"): its detail may quote cells.
    const kind = /^([A-Za-z ]+Error)/.exec((error as Error).message)?.[1] ?? 'unreadable';
    throw new CliError(`cannot read Parquet file: ${file}: ${kind.toLowerCase()}`);
  }
  const header = result.columnNames();
  const rows: RawRow[] = result.getRowsJS().map((values, i) => ({ number: i + 1, cells: values.map(asCell) }));
  return { format: 'parquet', tables: [{ header, rows }] };
}
