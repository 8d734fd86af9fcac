import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import { outputBasis } from './output-basis.ts';
import type { ShardReuse } from './write-shards.ts';

/** What decides whether the last publication's shards can be reused at all. */
export interface ReuseContext {
  site: string;
  /** The live version (current.json), if any. */
  live: string | undefined;
  /** The version the warehouse last published, and the basis it was published on (from meta). */
  published: string | undefined;
  previousBasis: string | undefined;
  /** The settings hash and registry version of this run. */
  settings: string;
  registry: string | undefined;
  fullRefresh: boolean;
}

/**
 * Fingerprints every region's shard inputs, stores them for the next run, and says which regions'
 * shards can be taken from the live version: only when the live version is the one this warehouse
 * last published (not rolled back), on the same settings, registry and pipeline code, and not on a
 * full refresh. Returns the basis to record with the new version.
 */
export async function planShardReuse(
  connection: DuckDBConnection,
  context: ReuseContext,
): Promise<{ reuse: ShardReuse | undefined; basis: string }> {
  const basis = await outputBasis(context.settings, context.registry);
  await runSqlFile(connection, new URL('./fingerprint-shards.sql', import.meta.url));
  const { live } = context;
  let reuse: ShardReuse | undefined;
  if (!context.fullRefresh && live !== undefined && live === context.published && context.previousBasis === basis) {
    const unchanged = await runSqlFile(connection, new URL('./unchanged-shards.sql', import.meta.url));
    reuse = { from: join(context.site, 'data', live), unchanged: new Set(unchanged.map((r) => r.code as string)) };
  }
  await runSqlFile(connection, new URL('./store-fingerprints.sql', import.meta.url));
  return { reuse, basis };
}
