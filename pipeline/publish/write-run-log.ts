import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runHistory } from './run-history.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** runs.json as text: the run history of runHistory, as the version snapshot and the live log hold it. */
export async function runLogText(connection: DuckDBConnection, now: Date, warnDays: number): Promise<string> {
  return `${JSON.stringify(await runHistory(connection, now, warnDays), null, 1)}\n`;
}

/**
 * Writes the run log beside current.json (`<site>/data/runs.json`) after every run, failed and
 * unchanged ones included, so the 运行记录 page shows a failed night the next morning while the last
 * good version stays live. The log is not data: it never changes which version current.json names.
 * A site that has never published gets none, since there is no dashboard yet to show it.
 */
export async function writeRunLog(site: string, text: () => Promise<string>): Promise<boolean> {
  const data = join(site, 'data');
  try {
    await access(join(data, 'current.json'));
  } catch {
    return false;
  }
  await writeFileAtomic(join(data, 'runs.json'), await text());
  return true;
}
