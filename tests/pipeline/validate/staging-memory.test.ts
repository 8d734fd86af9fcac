import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql, runSqlFile } from '../../../pipeline/db/run-sql-file.ts';
import { ingestInbox } from '../../../pipeline/ingest/ingest-inbox.ts';
import { loadFiles } from '../../../pipeline/ingest/load-file.ts';
import { planIngest } from '../../../pipeline/ingest/plan-ingest.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { loadRegistry } from '../../../pipeline/registry/load-registry.ts';
import { fixtureRowContext, tempDir } from '../../helpers/fixtures.ts';

const ctx = fixtureRowContext('staging-memory-test-salt');

/** DuckDB's memory for tables held in memory (temp tables, rows not yet written to the file). */
async function tableMemory(connection: DuckDBConnection): Promise<number> {
  const [row] = await runSql<{ bytes: bigint | null }>(
    connection,
    `select sum(memory_usage_bytes + temporary_storage_bytes) as bytes from duckdb_memory() where tag = 'IN_MEMORY_TABLE'`,
  );
  return Number(row?.bytes ?? 0);
}

/**
 * Ingests the inbox inside a transaction, as a run does, and returns the table memory held once the
 * rows are loaded, while the transaction is still open.
 */
async function heldAfterLoad(warehouse: Warehouse, inbox: string, staging: boolean): Promise<number> {
  const c = warehouse.connection;
  let held = 0;
  await c.run('begin transaction');
  try {
    const plan = await planIngest(c, inbox, true);
    await ingestInbox(c, plan, {
      runId: 'staging-memory',
      ctx,
      logger: memoryLogger(),
      staging: staging ? () => warehouse.connect() : undefined,
      loadFiles: async (connection, files, options) => {
        const loads = await loadFiles(connection, files, options);
        held = await tableMemory(c);
        return loads;
      },
    });
  } finally {
    await c.run('rollback');
  }
  return held;
}

describe('staging rows outside the run’s transaction', () => {
  const dir = tempDir('cb-staging-memory-');
  let warehouse: Warehouse;
  let inbox: string;

  beforeAll(async () => {
    // A file warehouse, as a run has: its tables' rows go to the file, so what stays in memory is the staging.
    warehouse = await openWarehouse(join(dir, 'warehouse.duckdb'));
    await runSqlFile(warehouse.connection, new URL('../../../pipeline/db/schema.sql', import.meta.url));
    await loadRegistry(warehouse.connection, memoryLogger());
    inbox = join(dir, 'inbox');
    execFileSync(process.execPath, ['--import', 'tsx', 'tools/demo/cli.ts', '--out', inbox, '--max-counties', '2'], {
      stdio: 'ignore',
    });
  }, 120_000);
  afterAll(() => warehouse?.close());

  it('frees the staged cells batch by batch instead of holding them to the end of the transaction', async () => {
    // Inside one transaction DuckDB keeps a temp table's deleted or dropped rows until the commit, so
    // staging on the run's own connection held every staged cell of the inbox (a national run spilled
    // gigabytes and ran out of memory). On its own connection the staging is dropped for real.
    const inTransaction = await heldAfterLoad(warehouse, inbox, false);
    const apart = await heldAfterLoad(warehouse, inbox, true);
    expect(apart).toBeLessThan(inTransaction * 0.5);
  }, 120_000);
});
