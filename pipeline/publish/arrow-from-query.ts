import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

function vectorOf(typeId: DuckDBTypeId, values: unknown[]): Vector {
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return vectorFromArray(values as (boolean | null)[], new Bool());
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
      return vectorFromArray(values as (number | null)[], new Int32());
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DECIMAL:
      return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : Number(v))), new Float64());
    default:
      return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : String(v))), new Utf8());
  }
}

/** Runs a query and returns its rows as an Arrow IPC file (the format the dashboard loads). */
export async function arrowFromQuery(
  connection: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
): Promise<{ bytes: Uint8Array; rows: number }> {
  const result = await connection.runAndReadAll(sql, params);
  const names = result.columnNames();
  const types = result.columnTypes();
  const columns = result.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    // An empty result has no column arrays at all.
    vectors[name] = vectorOf(types[i]!.typeId, (columns[i] ?? []) as unknown[]);
  });
  const table = new Table(vectors);
  return { bytes: tableToIPC(table, 'file'), rows: result.currentRowCount };
}
