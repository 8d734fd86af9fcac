import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { CliError } from '../cli-error.ts';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { IngestPlan } from '../validate/plan-ingest.ts';
import { keptCoverage } from './kept-coverage.ts';
import { noRemovalProblems, removalProblems, type CoverageRow } from './removal-problems.ts';

const MAX_LISTED = 10;

const listed = (items: string[]) =>
  items.length > MAX_LISTED
    ? `${items.slice(0, MAX_LISTED).join('; ')}; and ${items.length - MAX_LISTED} more`
    : items.join('; ');

/**
 * Fails the run (exit 1, inside its transaction, so nothing is kept) when the rows staged now would
 * lose more than `maxShare` of a dataset, or leave a county that had a dataset with none, naming what
 * would be lost and the files behind it.
 */
export async function checkRemoval(
  connection: DuckDBConnection,
  before: readonly CoverageRow[],
  maxShare: number,
  plan: IngestPlan,
): Promise<void> {
  const problems = removalProblems(before, await keptCoverage(connection), maxShare);
  if (noRemovalProblems(problems)) return;
  const codes = [...new Set(problems.counties.map((c) => c.county))];
  const names = new Map<string, string>();
  if (codes.length > 0) {
    const rows = await runSqlFile(connection, new URL('./county-names.sql', import.meta.url), {
      params: { codes: listValue(codes) },
    });
    for (const r of rows) names.set(r.code as string, r.name as string);
  }
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const parts = problems.datasets.map(
    (d) => `${d.dataset} from ${d.before} to ${d.after} kept rows (-${pct((d.before - d.after) / d.before)})`,
  );
  if (problems.counties.length)
    parts.push(
      `counties left with no rows: ${listed(problems.counties.map((c) => `${c.county} ${names.get(c.county) ?? ''} ${c.dataset} (had ${c.before})`.replace('  ', ' ')))}`,
    );
  const gone = [...plan.removed, ...plan.replaced].map((f) => f.path);
  const files = gone.length ? `; files removed or replaced: ${listed(gone)}` : '';
  throw new CliError(
    `this run would remove too much, nothing was loaded or published: ${parts.join('; ')} (the limit is ${pct(maxShare)} of a dataset's kept rows, max_removed_share)${files}. If files were moved or a share did not mount, put them back and run again; if the removal is intended, run again with --allow-removal`,
  );
}
