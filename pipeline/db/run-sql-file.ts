import { readFileSync } from 'node:fs';
import {
  DuckDBListValue,
  LIST,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { quoteIdentifier } from './quote-identifier.ts';

/**
 * Bound values by name (`$name` in the SQL) and identifiers for `{{name}}` placeholders: one name, or
 * a list that fills the placeholder as comma-separated quoted names (a catalogue's columns).
 */
export interface SqlArgs {
  params?: Record<string, DuckDBValue>;
  identifiers?: Record<string, string | readonly string[]>;
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
export function fillIdentifiers(sql: string, identifiers: SqlArgs['identifiers'] = {}): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const id = identifiers[name];
    if (id === undefined) throw new Error(`missing identifier for SQL placeholder: ${name}`);
    if (typeof id === 'string') return quoteIdentifier(id);
    if (id.length === 0) throw new Error(`empty identifier list for SQL placeholder: ${name}`);
    return id.map(quoteIdentifier).join(', ');
  });
}

/** A `.sql` file's text with its `{{name}}` placeholders filled, for callers that wrap it (COPY). */
export function sqlText(file: URL, identifiers?: SqlArgs['identifiers']): string {
  return fillIdentifiers(readSql(file), identifiers);
}

/**
 * Runs every statement of a `.sql` file, binding to each only the `$name` parameters it uses, and
 * returns the rows of the last statement as plain JS objects. `Row` is the caller's word for what the
 * file selects; the published-data contract test holds the published queries to theirs.
 */
export async function runSqlFile<Row = Record<string, unknown>>(
  connection: DuckDBConnection,
  file: URL,
  args: SqlArgs = {},
): Promise<Row[]> {
  return runSql<Row>(connection, sqlText(file, args.identifiers), args.params);
}

/** Same as runSqlFile over SQL text that is already in hand (tests, one-liners). */
export async function runSql<Row = Record<string, unknown>>(
  connection: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
): Promise<Row[]> {
  const statements = await connection.extractStatements(sql);
  let rows: Row[] = [];
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    const bound: Record<string, DuckDBValue> = {};
    const types: Record<string, DuckDBType> = {};
    for (let p = 1; p <= prepared.parameterCount; p++) {
      const name = prepared.parameterName(p);
      if (!(name in params)) throw new Error(`missing SQL parameter: $${name}`);
      const value = params[name] as DuckDBValue;
      bound[name] = value;
      // An empty list has no item type to infer: it is bound as text[], and the SQL casts it.
      if (value instanceof DuckDBListValue && value.items.length === 0) types[name] = LIST(VARCHAR);
    }
    if (prepared.parameterCount > 0) prepared.bind(bound, types);
    const result = await prepared.runAndReadAll();
    rows = result.getRowObjectsJS() as Row[];
  }
  return rows;
}
