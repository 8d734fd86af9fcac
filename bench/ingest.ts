import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { memoryLogger } from '../pipeline/logger.ts';
import { openWarehouse } from '../pipeline/db/open-warehouse.ts';
import { runSqlFile } from '../pipeline/db/run-sql-file.ts';
import { loadRegistry } from '../pipeline/registry/load-registry.ts';
import { makeIngestInbox } from './make-ingest-inbox.ts';
import { measureCommand } from './measure-command.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Registry load time: a fresh in-memory warehouse each time, median of three. */
export async function benchRegistryLoad(): Promise<string[]> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const warehouse = await openWarehouse(':memory:');
    try {
      await runSqlFile(warehouse.connection, new URL('../pipeline/db/schema.sql', import.meta.url));
      const started = performance.now();
      await loadRegistry(warehouse.connection, memoryLogger(), true);
      times.push((performance.now() - started) / 1000);
    } finally {
      warehouse.close();
    }
  }
  return [`| registry load (620,573 communities, DuckDB read_csv) | ${median(times).toFixed(2)} s | median of 3 |`];
}

/**
 * Ingest of an inbox of at least a million rows through the whole pipeline CLI (a child process, for
 * its own peak memory), next to DuckDB alone scanning the same CSV files.
 */
export async function benchIngest(work: string, communities = 95_000): Promise<string[]> {
  const inbox = join(work, 'ingest-inbox');
  rmSync(work, { recursive: true, force: true });
  const rows = await makeIngestInbox(inbox, communities);
  const root = new URL('..', import.meta.url).pathname;
  const pipeline = await measureCommand(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './bench/peak-rss.mjs',
      'pipeline/cli.ts',
      '--inbox',
      inbox,
      '--warehouse',
      join(work, 'warehouse.duckdb'),
      '--site',
      join(work, 'site'),
    ],
    root,
  );
  const accounting = /rows: (\d+) read = (\d+) kept \+ (\d+) quarantined/.exec(pipeline.stdout);
  if (!accounting || Number(accounting[1]) !== rows)
    throw new Error(`bench ingest read ${accounting?.[1]} of ${rows} rows`);
  const scanTimes: number[] = [];
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    for (const dataset of ['communities', 'facilities', 'funding']) {
      const started = performance.now();
      await connection.run(
        'create or replace table t as select * from read_csv($glob, header = true, all_varchar = true)',
        { glob: join(inbox, dataset, '*.csv') },
      );
      scanTimes.push((performance.now() - started) / 1000);
    }
  } finally {
    connection.closeSync();
    db.closeSync();
  }
  const scan = scanTimes.reduce((a, b) => a + b, 0);
  const step = (name: string) =>
    Number(new RegExp(`step: ${name} \\((\\d+) ms`).exec(pipeline.stderr)?.[1] ?? NaN) / 1000;
  const ingest = step('ingest');
  return [
    `| ingest step (read, validate, load, whole-inbox checks), ${rows.toLocaleString('en')} rows | ${ingest.toFixed(1)} s | ${(rows / ingest / 1000).toFixed(0)}k rows/s; peak RSS of the whole run ${pipeline.peakMiB.toFixed(0)} MiB |`,
    `| DuckDB alone: read_csv of the same files into tables | ${scan.toFixed(1)} s | ingest / DuckDB = ${(ingest / scan).toFixed(1)}× |`,
    `| the whole run on that inbox (${(communities / 1000).toFixed(0)}k communities spread over every county, so ~22k shard files) | ${pipeline.seconds.toFixed(1)} s | models ${step('models').toFixed(1)} s, publish ${step('publish').toFixed(1)} s |`,
  ];
}
