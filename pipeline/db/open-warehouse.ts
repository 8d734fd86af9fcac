import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../cli-error.ts';

/** An open warehouse: close it in a finally. */
export interface Warehouse {
  connection: DuckDBConnection;
  close(): void;
}

/** Opens (creating if needed) the DuckDB warehouse file, or an in-memory one for ':memory:'. */
export async function openWarehouse(path: string): Promise<Warehouse> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (error) {
    throw new CliError(`cannot open warehouse: ${path}: ${(error as Error).message}`);
  }
  const connection = await instance.connect();
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
