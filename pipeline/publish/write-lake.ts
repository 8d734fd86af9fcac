import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { copyToFile } from '../db/copy-to-file.ts';
import { sqlText } from '../db/run-sql-file.ts';

/** The lake's tables (SPEC §6), each a query in ./lake/. */
export const LAKE_TABLES = { community_year: 'community-year', gaps: 'gaps' } as const;

/** What the manifest says of the lake: each table's folder under the version, and its rows. */
export type LakeSummary = Record<keyof typeof LAKE_TABLES, { path: string; rows: number }>;

/**
 * Writes the data lake into a version folder: `lake/<table>/province_code=<code>/year=<year>/*.parquet`,
 * Hive-partitioned, zstd-compressed, for engines larger than the browser (DuckDB, Spark, ClickHouse).
 * The partition columns live in the folder names only, as Hive layout has it.
 */
export async function writeLake(connection: DuckDBConnection, dir: string): Promise<LakeSummary> {
  const summary = {} as LakeSummary;
  // DuckDB makes the partition folders, not their parent.
  await mkdir(join(dir, 'lake'), { recursive: true });
  for (const [table, file] of Object.entries(LAKE_TABLES) as [keyof typeof LAKE_TABLES, string][]) {
    const sql = sqlText(new URL(`./lake/${file}.sql`, import.meta.url));
    const path = `lake/${table}`;
    const rows = await copyToFile(
      connection,
      sql,
      join(dir, path),
      'format parquet, compression zstd, partition_by (province_code, year)',
    );
    summary[table] = { path, rows };
  }
  return summary;
}
