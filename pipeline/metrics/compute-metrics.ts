import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { Logger } from '../logger.ts';
import type { Standard } from '../../contract/standard.ts';
import { computeCompliance } from './compute-compliance.ts';
import { MIN_GROUP_N } from '../../contract/indicators.ts';

const step = (file: string) => new URL(file, import.meta.url);

/**
 * Rebuilds every model after the staged tables: community-year indicators, group values, gaps,
 * dispersion, inequality, community profiles and standards compliance, logging each step's time.
 */
export async function computeMetrics(
  connection: DuckDBConnection,
  standards: readonly Standard[],
  logger: Logger,
): Promise<void> {
  await runSqlFile(connection, step('./macros.sql'));
  const steps: [string, () => Promise<unknown>][] = [
    ['community-year indicators', () => runSqlFile(connection, step('../model/community-year.sql'))],
    ['group values', () => runSqlFile(connection, step('./group-values.sql'))],
    ['gaps', () => runSqlFile(connection, step('./gaps.sql'), { params: { min_n: MIN_GROUP_N } })],
    ['dispersion', () => runSqlFile(connection, step('./dispersion.sql'), { params: { min_n: MIN_GROUP_N } })],
    ['inequality', () => runSqlFile(connection, step('./inequality.sql'), { params: { min_n: MIN_GROUP_N } })],
    ['community profiles', () => runSqlFile(connection, step('./community-profile.sql'))],
    ['standards compliance', () => computeCompliance(connection, standards)],
  ];
  for (const [name, run] of steps) {
    const started = performance.now();
    await run();
    logger.info(`model: ${name} (${Math.round(performance.now() - started)} ms)`);
  }
}
