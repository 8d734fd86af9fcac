import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../../db/run-sql-file.ts';

/** How many community-years the models computed indicators for: the row count of the models step. */
export async function countCommunityYears(connection: DuckDBConnection): Promise<number> {
  const [row] = await runSqlFile(connection, new URL('./count-community-years.sql', import.meta.url));
  return Number(row?.n ?? 0);
}
