import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';

/**
 * Puts a model's recomputed rows (the temporary table `new_<table>`) in place: a full pass replaces
 * the table; an incremental one replaces the rows of the affected counties, placed by the column `by`
 * (community or county code), or without `by` the rows of the affected regions (affected.sql).
 */
export async function placeRows(
  connection: DuckDBConnection,
  table: string,
  full: boolean,
  by?: string,
): Promise<void> {
  const identifiers = { table, new: `new_${table}`, ...(by ? { code: by } : {}) };
  const file = full ? './replace-rows.sql' : by ? './merge-rows.sql' : './merge-region-rows.sql';
  await runSqlFile(connection, new URL(file, import.meta.url), { identifiers });
}
