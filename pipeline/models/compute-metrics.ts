import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { Logger } from '../logger.ts';
import type { Standard } from '../../contract/standard.ts';
import { computeCompliance } from './marts/compute-compliance.ts';
import { GAPS, MIN_GROUP_N } from '../../contract/indicators.ts';
import { CATALOGUE_COLUMNS } from './catalogue-columns.ts';
import { memoryNote } from '../memory-note.ts';
import { placeRows } from './place-rows.ts';

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
 * What a models pass recomputes: everything, or the community-years of the given counties (those
 * whose input files changed) and the groups that hold them.
 */
export type ModelScope = { full: true } | { full: false; counties: readonly string[] };

/**
 * Rebuilds the models after the staged tables: community-year indicators, group values, gaps,
 * dispersion, inequality and standards compliance, logging each step's time. An incremental pass
 * gives the rows a full one would (up to the last bits of floating-point sums, whose order DuckDB's
 * parallel aggregation does not fix even between two full passes).
 */
export async function computeMetrics(
  connection: DuckDBConnection,
  standards: readonly Standard[],
  logger: Logger,
  scope: ModelScope = { full: true },
): Promise<void> {
  await runSqlFile(connection, step('./macros.sql'));
  if (scope.full) await runSqlFile(connection, step('./clear-models.sql'));
  await runSqlFile(connection, step('./affected.sql'), {
    params: { all: scope.full, counties: listValue(scope.full ? [] : [...scope.counties]) },
  });
  const place = (table: string, by?: string) => placeRows(connection, table, scope.full, by);
  const steps: [string, () => Promise<unknown>][] = [
    [
      'community-year indicators',
      async () => {
        await runSqlFile(connection, step('./community-year.sql'));
        await place('community_year', 'community_code');
      },
    ],
    [
      'group values',
      async () => {
        await runSqlFile(connection, step('./marts/group-parts.sql'), { identifiers: CATALOGUE_COLUMNS });
        await place('group_part', 'county_code');
        await runSqlFile(connection, step('./marts/group-values.sql'));
        await place('group_value');
      },
    ],
    [
      'gaps',
      async () => {
        await runSqlFile(connection, step('./marts/gaps.sql'), { params: { min_n: MIN_GROUP_N, ...gapLists() } });
        await place('gap');
      },
    ],
    [
      'dispersion',
      async () => {
        await runSqlFile(connection, step('./marts/dispersion.sql'), {
          params: { min_n: MIN_GROUP_N },
          identifiers: CATALOGUE_COLUMNS,
        });
        await place('dispersion');
      },
    ],
    [
      'inequality',
      async () => {
        await runSqlFile(connection, step('./marts/inequality.sql'), {
          params: { min_n: MIN_GROUP_N },
          identifiers: CATALOGUE_COLUMNS,
        });
        await place('inequality');
      },
    ],
    ['standards compliance', () => computeCompliance(connection, standards, place)],
  ];
  for (const [name, run] of steps) {
    const started = performance.now();
    await run();
    logger.info(`model: ${name} (${Math.round(performance.now() - started)} ms); ${memoryNote()}`);
  }
}
