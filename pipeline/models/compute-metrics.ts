import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { Logger } from '../logger.ts';
import type { Standard } from '../../contract/standard.ts';
import { computeCompliance } from './marts/compute-compliance.ts';
import { GAPS, MIN_GROUP_N } from '../../contract/indicators.ts';
import { CATALOGUE_COLUMNS } from './catalogue-columns.ts';
import { memoryNote } from '../memory-note.ts';

const step = (file: string) => new URL(file, import.meta.url);

/** The catalogue's gaps as the parallel lists gaps.sql binds. */
const gapLists = () => {
  const gaps = Object.entries(GAPS);
  return {
    gap_ids: listValue(gaps.map(([id]) => id)),
    gap_a: listValue(gaps.map(([, g]) => g.a)),
    gap_b: listValue(gaps.map(([, g]) => g.b)),
  };
};

/**
 * Rebuilds every model after the staged tables: community-year indicators, group values, gaps,
 * dispersion, inequality and standards compliance, logging each step's time.
 */
export async function computeMetrics(
  connection: DuckDBConnection,
  standards: readonly Standard[],
  logger: Logger,
): Promise<void> {
  await runSqlFile(connection, step('./macros.sql'));
  const steps: [string, () => Promise<unknown>][] = [
    ['community-year indicators', () => runSqlFile(connection, step('./community-year.sql'))],
    [
      'group values',
      () => runSqlFile(connection, step('./marts/group-values.sql'), { identifiers: CATALOGUE_COLUMNS }),
    ],
    ['gaps', () => runSqlFile(connection, step('./marts/gaps.sql'), { params: { min_n: MIN_GROUP_N, ...gapLists() } })],
    [
      'dispersion',
      () =>
        runSqlFile(connection, step('./marts/dispersion.sql'), {
          params: { min_n: MIN_GROUP_N },
          identifiers: CATALOGUE_COLUMNS,
        }),
    ],
    [
      'inequality',
      () =>
        runSqlFile(connection, step('./marts/inequality.sql'), {
          params: { min_n: MIN_GROUP_N },
          identifiers: CATALOGUE_COLUMNS,
        }),
    ],
    ['standards compliance', () => computeCompliance(connection, standards)],
  ];
  for (const [name, run] of steps) {
    const started = performance.now();
    await run();
    logger.info(`model: ${name} (${Math.round(performance.now() - started)} ms); ${memoryNote()}`);
  }
}
