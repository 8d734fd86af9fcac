import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { writeCsv } from '../publish/write-csv.ts';

/**
 * Writes the quarantined rows of a run that failed its data tests to
 * `<warehouse folder>/reports/quarantine-<run id>.csv`: the run is rolled back, so without this file
 * the rows a clerk must fix would be listed nowhere. It sits beside the warehouse and the salt, never
 * in the site. Returns its path, or undefined for an in-memory warehouse.
 */
export async function writeQuarantineReport(
  connection: DuckDBConnection,
  warehouse: string,
  runId: string,
): Promise<string | undefined> {
  if (warehouse === ':memory:') return undefined;
  const dir = join(dirname(warehouse), 'reports');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `quarantine-${runId}.csv`);
  const sql = await readFile(new URL('./quarantine-report.sql', import.meta.url), 'utf8');
  await writeCsv(connection, sql, `${path}.tmp`);
  await rename(`${path}.tmp`, path);
  return path;
}
