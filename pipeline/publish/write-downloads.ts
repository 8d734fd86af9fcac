import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { copyToFile } from '../db/copy-to-file.ts';
import { sqlText } from '../db/run-sql-file.ts';
import { writeCsv } from './write-csv.ts';

const query = (name: string) => sqlText(new URL(`./downloads/${name}.sql`, import.meta.url));

/** The researchers' downloads (docs/data-layout.md), written into a version folder by DuckDB's COPY. */
export async function writeDownloads(connection: DuckDBConnection, dir: string): Promise<Record<string, number>> {
  const gaps = query('gaps');
  const counts: Record<string, number> = {};
  counts['gaps.csv'] = await writeCsv(connection, gaps, join(dir, 'gaps.csv'));
  await copyToFile(connection, gaps, join(dir, 'gaps.parquet'), 'format parquet, compression zstd');
  counts['group_values.csv'] = await writeCsv(connection, query('group-values'), join(dir, 'group_values.csv'));
  counts['compliance.csv'] = await writeCsv(connection, query('compliance'), join(dir, 'compliance.csv'));
  return counts;
}
