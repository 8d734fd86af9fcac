import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../cli-error.ts';
import { lockedError } from '../run/lock.ts';
import { machineResources, type DuckDbResources } from './duckdb-resources.ts';

/** An open warehouse: close it in a finally. */
export interface Warehouse {
  connection: DuckDBConnection;
  /** Another connection to the same database, with its own temp tables and transactions: the caller closes it. */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

/**
 * Opens (creating if needed) the DuckDB warehouse file, or an in-memory one for ':memory:', with
 * DuckDB's memory ceiling and threads (default: from the machine); beyond the ceiling it spills to a
 * temp folder beside the warehouse.
 */
export async function openWarehouse(path: string, resources: DuckDbResources = machineResources()): Promise<Warehouse> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, {
      memory_limit: resources.memory_limit,
      threads: String(resources.threads),
      // This DuckDB build allocates with the C library's malloc, which keeps freed memory unless asked to
      // give it back: at a 2.8 GiB ceiling the national whole-inbox checks peaked at a 4.4 GiB resident
      // set, and 3.2 GiB with these (DuckDB returns memory after each task past the thresholds).
      allocator_flush_threshold: '16MiB',
      allocator_bulk_deallocation_flush_threshold: '32MiB',
      allocator_background_threads: 'true',
      ...(path === ':memory:' ? {} : { temp_directory: `${path}.tmp` }),
    });
  } catch (error) {
    const message = (error as Error).message;
    // DuckDB's exclusive OS lock on the file is the run lock (pipeline/run/lock.ts).
    if (message.includes('Could not set lock on file')) throw lockedError(path, message);
    throw new CliError(`cannot open warehouse: ${path}: ${message}`);
  }
  const connection = await instance.connect();
  return {
    connection,
    connect: () => instance.connect(),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
