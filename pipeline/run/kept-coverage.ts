import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { CoverageRow } from './removal-problems.ts';

/** Kept rows per dataset and county as the staged tables hold them; none before the first ingest. */
export async function keptCoverage(connection: DuckDBConnection): Promise<CoverageRow[]> {
  const [tables] = await runSqlFile(connection, new URL('./staged-tables.sql', import.meta.url));
  if ((tables!.n as number) < 5) return [];
  const rows = await runSqlFile(connection, new URL('./kept-coverage.sql', import.meta.url));
  return rows.map((r) => ({ dataset: r.dataset as string, county: r.county as string, rows: r.rows as number }));
}
