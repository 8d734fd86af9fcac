import { readFileSync } from 'node:fs';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { quoteIdentifier } from './quote-identifier.ts';

/** Bound values by name (`$name` in the SQL) and identifiers for `{{name}}` placeholders. */
export interface SqlArgs {
  params?: Record<string, DuckDBValue>;
  identifiers?: Record<string, string>;
}

const cache = new Map<string, string>();

function readSql(file: URL): string {
  let text = cache.get(file.href);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    cache.set(file.href, text);
  }
  return text;
}

/** Fills `{{name}}` placeholders with quoted identifiers; values never pass through here. */
export function fillIdentifiers(sql: string, identifiers: Record<string, string> = {}): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const id = identifiers[name];
    if (id === undefined) throw new Error(`missing identifier for SQL placeholder: ${name}`);
    return quoteIdentifier(id);
  });
}

/**
 * Runs every statement of a `.sql` file, binding to each only the `$name` parameters it uses, and
 * returns the rows of the last statement as plain JS objects.
 */
export async function runSqlFile(
  connection: DuckDBConnection,
  file: URL,
  args: SqlArgs = {},
): Promise<Record<string, unknown>[]> {
  return runSql(connection, fillIdentifiers(readSql(file), args.identifiers), args.params);
}

/** Same as runSqlFile over SQL text that is already in hand (tests, one-liners). */
export async function runSql(
  connection: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
): Promise<Record<string, unknown>[]> {
  const statements = await connection.extractStatements(sql);
  let rows: Record<string, unknown>[] = [];
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    const bound: Record<string, DuckDBValue> = {};
    for (let p = 1; p <= prepared.parameterCount; p++) {
      const name = prepared.parameterName(p);
      if (!(name in params)) throw new Error(`missing SQL parameter: $${name}`);
      bound[name] = params[name] as DuckDBValue;
    }
    if (prepared.parameterCount > 0) prepared.bind(bound);
    const result = await prepared.runAndReadAll();
    rows = result.getRowObjectsJS() as Record<string, unknown>[];
  }
  return rows;
}
