import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { PipelineConfig } from '../run/pipeline-config.ts';
import { DATASETS } from '../schema/datasets.ts';
import { schemaTests, type SchemaQuery } from './schema-tests.ts';

/**
 * A data test, as dbt users know them, with a severity: a query in `tests/<file>.sql` counting failures
 * and saying why, or generic queries from the dataset specs whose failures add up, with a fixed message.
 */
export type DataTest = {
  id: string;
  description: string;
  severity: 'warn' | 'error';
  params?: (config: PipelineConfig) => Record<string, number>;
  threshold?: (config: PipelineConfig) => number;
} & ({ file: string } | { queries: readonly SchemaQuery[]; message: string });

/** One test's outcome in one run. */
export interface DataTestResult {
  id: string;
  description: string;
  severity: 'warn' | 'error';
  status: 'pass' | 'warn' | 'error';
  failures: number;
  threshold: number | null;
  message: string;
}

/** The tests every run makes after the models, in order. */
export const DATA_TESTS: readonly DataTest[] = [
  {
    id: 'not_null',
    description: 'keys and required values are never null',
    severity: 'error',
    queries: schemaTests.notNull(DATASETS),
    message: 'staged rows with a missing key or required value',
  },
  {
    id: 'unique',
    description: 'every staged key is unique',
    severity: 'error',
    queries: schemaTests.unique(DATASETS),
    message: 'keys that occur more than once in a staged table',
  },
  {
    id: 'accepted_values',
    description: 'enumerated columns hold only accepted values',
    severity: 'error',
    queries: schemaTests.acceptedValues(DATASETS),
    message: 'values outside their accepted sets',
  },
  {
    id: 'relationships',
    description: 'facility, funding and roster rows belong to a reported community',
    severity: 'warn',
    file: 'relationships',
  },
  {
    id: 'quarantine_rate',
    description: 'the share of rows quarantined stays under the configured limit',
    severity: 'error',
    file: 'quarantine-rate',
    params: (c) => ({ max_share: c.max_quarantine_share }),
    threshold: (c) => c.max_quarantine_share,
  },
  {
    id: 'coverage_collapse',
    description: 'no county service-centre coverage falls from 100% to 0% in a year',
    severity: 'warn',
    file: 'coverage-collapse',
  },
  {
    id: 'funding_outliers',
    description: "funding per household within a factor of its county's median",
    severity: 'warn',
    file: 'funding-outliers',
    params: (c) => ({ factor: c.funding_outlier_factor }),
    threshold: (c) => c.funding_outlier_factor,
  },
  {
    id: 'reporting_coverage',
    description: 'every county reports facilities for at least half its communities',
    severity: 'warn',
    file: 'reporting-coverage',
  },
];

/** Runs every data test; a failing test takes its severity as its status. */
export async function runDataTests(connection: DuckDBConnection, config: PipelineConfig): Promise<DataTestResult[]> {
  const results: DataTestResult[] = [];
  for (const test of DATA_TESTS) {
    const { failures, message } = await measure(connection, test, config);
    results.push({
      id: test.id,
      description: test.description,
      severity: test.severity,
      status: failures > 0 ? test.severity : 'pass',
      failures,
      threshold: test.threshold?.(config) ?? null,
      // Long lists are cut: the message is for a person, the warehouse has the rows.
      message: message.length > 500 ? `${message.slice(0, 500)}…` : message,
    });
  }
  return results;
}

/** A test's failures and message: its own query's, or the sum of its generic queries'. */
async function measure(
  connection: DuckDBConnection,
  test: DataTest,
  config: PipelineConfig,
): Promise<{ failures: number; message: string }> {
  if ('queries' in test) {
    let failures = 0;
    for (const q of test.queries) {
      const [row] = await runSqlFile(connection, q.file, { identifiers: q.identifiers, params: q.params ?? {} });
      failures += Number(row?.failures ?? 0);
    }
    return { failures, message: test.message };
  }
  const [row] = await runSqlFile(connection, new URL(`./tests/${test.file}.sql`, import.meta.url), {
    params: test.params?.(config) ?? {},
  });
  return { failures: Number(row?.failures ?? 0), message: String(row?.message ?? '') };
}
