import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
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

/** An Arrow IPC file of columns with DuckDB types (the format the dashboard loads). */
export function arrowFromColumns(names: readonly string[], types: readonly DuckDBType[], columns: readonly unknown[][]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    // An empty result has no column arrays at all.
    vectors[name] = vectorOf(types[i]!.typeId, columns[i] ?? []);
  });
  return tableToIPC(new Table(vectors), 'file');
}

/** Runs a query and returns its rows as an Arrow IPC file. */
export async function arrowFromQuery(
  connection: DuckDBConnection,
  sql: string,
  params: Record<string, DuckDBValue> = {},
): Promise<{ bytes: Uint8Array; rows: number }> {
  const result = await connection.runAndReadAll(sql, params);
  const bytes = arrowFromColumns(result.columnNames(), result.columnTypes(), result.getColumnsJS() as unknown[][]);
  return { bytes, rows: result.currentRowCount };
}

/**
 * Streams a query whose first column names the shard of each row, ordered by it, and writes one
 * Arrow file per shard; every expected shard without rows gets an empty file with the same columns.
 * One scan and sort serves thousands of regions, and memory holds one shard at a time.
 */
export async function writeArrowShards(
  connection: DuckDBConnection,
  sql: string,
  pathOf: (shard: string) => string,
  expected: Iterable<string> = [],
): Promise<{ files: number; bytes: number }> {
  const result = await connection.stream(sql);
  const names = result.columnNames().slice(1);
  const types = result.columnTypes().slice(1);
  const written = new Set<string>();
  let files = 0;
  let bytes = 0;
  const write = async (shard: string, columns: unknown[][]) => {
    const data = arrowFromColumns(names, types, columns);
    const path = pathOf(shard);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
    written.add(shard);
    files++;
    bytes += data.byteLength;
  };
  let current: string | undefined;
  let columns: unknown[][] = names.map(() => []);
  for await (const chunk of result.yieldRowsJs()) {
    for (const row of chunk) {
      const shard = String(row[0]);
      if (shard !== current) {
        if (current !== undefined) await write(current, columns);
        current = shard;
        columns = names.map(() => []);
      }
      for (let i = 1; i < row.length; i++) columns[i - 1]!.push(row[i]);
    }
  }
  if (current !== undefined) await write(current, columns);
  for (const shard of expected) if (!written.has(shard)) await write(shard, names.map(() => []));
  return { files, bytes };
}
