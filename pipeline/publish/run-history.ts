import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Freshness, RunHistory, RunRecord, RunStep, RunTest } from '../../contract/published-types.ts';
import { runSql, runSqlFile } from '../db/run-sql-file.ts';

/** Rows with DuckDB's 64-bit integers as plain numbers, as JSON holds them. */
const plain = <T>(rows: Record<string, unknown>[]): T[] =>
  rows.map(
    (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as T,
  );

type Keyed<T> = T & { run_id: string };

/**
 * runs.json: the latest runs with their steps, data tests and changes, and the freshness of every
 * dataset per county, for the 运行记录 page. The run being published is included as it stands.
 */
export async function runHistory(connection: DuckDBConnection, now: Date, warnDays: number): Promise<RunHistory> {
  const runs = plain<Omit<RunRecord, 'changes' | 'steps' | 'tests'> & { changes: string | null }>(
    await runSqlFile(connection, new URL('./run-history.sql', import.meta.url)),
  );
  const ids = listValue(runs.map((r) => r.run_id));
  const steps = plain<Keyed<RunStep>>(
    await runSqlFile(connection, new URL('./run-steps.sql', import.meta.url), { params: { runs: ids } }),
  );
  const tests = plain<Keyed<RunTest>>(
    await runSqlFile(connection, new URL('./run-tests.sql', import.meta.url), { params: { runs: ids } }),
  );
  // A warehouse from before file_county was kept gets it once, here, on its first run (even an unchanged one).
  const [counts] = await runSql<{ files: number; placed: number }>(
    connection,
    'select (select count(*) from inbox_file)::integer as files, (select count(*) from file_county)::integer as placed',
  );
  if (counts!.files > 0 && counts!.placed === 0)
    await runSqlFile(connection, new URL('../ingest/file-counties.sql', import.meta.url), {
      params: { all: true, first_id: 0 },
    });
  const freshness = plain<Freshness>(
    await runSqlFile(connection, new URL('./freshness.sql', import.meta.url), {
      params: { now: now.toISOString(), warn_days: warnDays },
    }),
  );
  return {
    generated_at: now.toISOString(),
    freshness_warn_days: warnDays,
    runs: runs.map((r) => ({
      ...r,
      changes: r.changes ? (JSON.parse(r.changes) as RunRecord['changes']) : null,
      steps: steps.filter((s) => s.run_id === r.run_id).map(({ run_id: _, ...s }) => s),
      tests: tests.filter((t) => t.run_id === r.run_id).map(({ run_id: _, ...t }) => t),
    })),
    freshness,
  };
}
