import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { URBAN_RURAL } from '../../contract/indicators.ts';
import type { DatasetSpec } from '../schema/column.ts';

/** One query of a generic test: a `.sql` template, the table and columns it checks, and bound values. */
export interface SchemaQuery {
  file: URL;
  identifiers: Record<string, string | readonly string[]>;
  params?: Record<string, DuckDBValue>;
}

const template = (name: string) => new URL(`./tests/${name}.sql`, import.meta.url);
const staged = (spec: DatasetSpec) => `stg_${spec.name}`;

/**
 * The generic tests declared once per column by the dataset specs, as dbt's schema.yml declares
 * not_null, unique and accepted_values: a key or required column is never null, a key never repeats,
 * an enumerated column holds only its canonical values.
 */
export const schemaTests = {
  notNull: (datasets: readonly DatasetSpec[]): SchemaQuery[] =>
    datasets.map((spec) => ({
      file: template('not-null'),
      identifiers: {
        table: staged(spec),
        columns: [...new Set([...spec.key, ...spec.columns.filter((c) => c.required).map((c) => c.name)])],
      },
    })),
  unique: (datasets: readonly DatasetSpec[]): SchemaQuery[] =>
    datasets.map((spec) => ({ file: template('unique'), identifiers: { table: staged(spec), columns: spec.key } })),
  acceptedValues: (datasets: readonly DatasetSpec[]): SchemaQuery[] => [
    // The model classes every community-year, from the communities row or else from its code.
    accepted('community_year', 'urban_rural', URBAN_RURAL, true),
    ...datasets.flatMap((spec) =>
      spec.columns.flatMap((c) =>
        c.type.kind === 'enum' ? [accepted(staged(spec), c.name, Object.keys(c.type.values), false)] : [],
      ),
    ),
  ],
};

function accepted(table: string, column: string, values: readonly string[], required: boolean): SchemaQuery {
  return {
    file: template('accepted-values'),
    identifiers: { table, column },
    params: { values: listValue([...values]), required },
  };
}
