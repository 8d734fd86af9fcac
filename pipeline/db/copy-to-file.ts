import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from './quote-literal.ts';

/** The system error a DuckDB I/O message stands for, so a full disk reads the same as from Node's own writes. */
const SYSTEM_ERRORS: [RegExp, string][] = [
  [/no space left on device/i, 'ENOSPC'],
  [/permission denied/i, 'EACCES'],
  [/disk quota exceeded/i, 'EDQUOT'],
];

/**
 * Writes a query's rows with DuckDB's COPY … TO (`options` is the COPY option list, e.g.
 * `format parquet, compression zstd`) and returns the row count. The path is the one literal COPY
 * cannot take as a parameter; DuckDB's I/O failures are rethrown with the errno code they report.
 */
export async function copyToFile(
  connection: DuckDBConnection,
  sql: string,
  path: string,
  options: string,
): Promise<number> {
  try {
    const result = await connection.runAndReadAll(`copy (${sql}) to ${quoteLiteral(path)} (${options})`);
    return Number(result.getRows()[0]?.[0] ?? 0);
  } catch (error) {
    const message = (error as Error).message;
    const code = SYSTEM_ERRORS.find(([pattern]) => pattern.test(message))?.[1];
    if (!code) throw error;
    throw Object.assign(new Error(`${code}: ${path}`), { code });
  }
}
