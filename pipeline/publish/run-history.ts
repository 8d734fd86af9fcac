import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';

const plain = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

/**
 * runs.json: the latest runs with their steps, data tests and changes, and the freshness of every
 * dataset per county, for the 运行记录 page. The run being published is included as it stands.
 */
export async function runHistory(connection: DuckDBConnection, now: Date, warnDays: number) {
  const runs = plain(await runSqlFile(connection, new URL('./run-history.sql', import.meta.url)));
  const ids = listValue(runs.map((r) => r.run_id as string));
  const steps = plain(
    await runSqlFile(connection, new URL('./run-steps.sql', import.meta.url), { params: { runs: ids } }),
  );
  const tests = plain(
    await runSqlFile(connection, new URL('./run-tests.sql', import.meta.url), { params: { runs: ids } }),
  );
  const freshness = plain(
    await runSqlFile(connection, new URL('./freshness.sql', import.meta.url), {
      params: { now: now.toISOString(), warn_days: warnDays },
    }),
  );
  return {
    generated_at: now.toISOString(),
    freshness_warn_days: warnDays,
    runs: runs.map((r) => ({
      ...r,
      changes: r.changes ? JSON.parse(r.changes as string) : null,
      steps: steps.filter((s) => s.run_id === r.run_id).map(({ run_id: _, ...s }) => s),
      tests: tests.filter((t) => t.run_id === r.run_id).map(({ run_id: _, ...t }) => t),
    })),
    freshness,
  };
}
