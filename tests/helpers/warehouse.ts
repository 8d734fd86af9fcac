import { openWarehouse, type Warehouse } from '../../pipeline/db/open-warehouse.ts';
import { runSqlFile } from '../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../pipeline/logger.ts';
import { loadRegistry } from '../../pipeline/registry/load-registry.ts';

/** An in-memory warehouse with the schema and the registry loaded, as every pipeline stage expects. */
export async function registryWarehouse(): Promise<Warehouse> {
  const warehouse = await openWarehouse(':memory:');
  await runSqlFile(warehouse.connection, new URL('../../pipeline/db/schema.sql', import.meta.url));
  await loadRegistry(warehouse.connection, memoryLogger());
  return warehouse;
}
