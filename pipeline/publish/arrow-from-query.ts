import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { DuckDBTypeId, JSDuckDBValueConverter } from '@duckdb/node-api';
import { quoteIdentifier } from '../db/quote-identifier.ts';
import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';

/** A validity bitmap (bit set = value present) and the null count, for values where null/undefined is missing. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

/** Numbers into a typed array, a missing value left as 0 behind its cleared validity bit. */
function fill<A extends Float64Array | Int32Array>(values: readonly unknown[], data: A): A {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) data[i] = Number(v);
  }
  return data;
}

function floats(values: readonly unknown[]): Vector {
  const data = fill(values, new Float64Array(values.length));
  return makeVector(makeData({ type: new Float64(), length: values.length, data, ...validity(values) }));
}

function integers(values: readonly unknown[]): Vector {
  const data = fill(values, new Int32Array(values.length));
  return makeVector(makeData({ type: new Int32(), length: values.length, data, ...validity(values) }));
}

function booleans(values: readonly unknown[]): Vector {
  const data = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
  return makeVector(makeData({ type: new Bool(), length: values.length, data, ...validity(values) }));
}

/**
 * Text as a dictionary of its distinct values and an index per row: shards repeat a few names
 * (indicators, groups, regions) thousands of times, so each is encoded once, and the file is smaller.
 * Readers see plain strings.
 */
function texts(values: readonly unknown[], id: number): Vector {
  const index = new Map<string, number>();
  const indices = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const text = String(v);
    let k = index.get(text);
    if (k === undefined) index.set(text, (k = index.size));
    indices[i] = k;
  }
  const dictionary = vectorFromArray([...index.keys()], new Utf8());
  return makeVector(
    makeData({
      type: new Dictionary(new Utf8(), new Int32(), id),
      length: values.length,
      data: indices,
      dictionary,
      ...validity(values),
    }),
  );
}

function vectorOf(typeId: DuckDBTypeId, values: unknown[], column: number): Vector {
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return booleans(values);
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
      return integers(values);
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DECIMAL:
      return floats(values);
    default:
      // The column's position as its dictionary id: Arrow's own ids count up across the process, so
      // the same data would give different bytes depending on what was encoded before it.
      return texts(values, column);
  }
}

/** An Arrow IPC file of columns with DuckDB types (the format the dashboard loads). */
export function arrowFromColumns(
  names: readonly string[],
  types: readonly DuckDBType[],
  columns: readonly unknown[][],
): Uint8Array {
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    // An empty result has no column arrays at all.
    vectors[name] = vectorOf(types[i]!.typeId, columns[i] ?? [], i);
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

/** How many shard files are written at once: file writes overlap each other and the query's next chunk. */
const WRITES_IN_FLIGHT = 16;

/** Column types whose vector items are already the JS values the Arrow columns take. */
const PLAIN = new Set([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.FLOAT,
]);

/**
 * The query's rows in a temporary table, read back with every text column as a code into a list of
 * its distinct values, decoded once. A text cell read from DuckDB costs a UTF-8 decode (and a native
 * call for each string over 12 bytes): at 30,000 community-years that decoding and the per-row arrays
 * around it were half of publishing's time. (Enums would do the same, but the client rebuilds an
 * enum's whole value list for every chunk.) Returns the query to stream, its columns' own types, and
 * the list of each text column.
 */
async function codedRows(
  connection: DuckDBConnection,
  sql: string,
): Promise<{ query: string; types: DuckDBType[]; dictionaries: (string[] | undefined)[] }> {
  await connection.run(`create or replace temp table shard_rows as ${sql}`);
  const shape = await connection.runAndReadAll('select * from shard_rows limit 0');
  const types = shape.columnTypes();
  const select: string[] = [];
  const joins: string[] = [];
  const dictionaries: (string[] | undefined)[] = [];
  for (const [i, name] of shape.columnNames().entries()) {
    const column = quoteIdentifier(name);
    if (types[i]!.typeId !== DuckDBTypeId.VARCHAR) {
      select.push(`s.${column}`);
      continue;
    }
    const dictionary = quoteIdentifier(`shard_text_${i}`);
    await connection.run(
      `create or replace temp table ${dictionary} as select value, (row_number() over (order by value) - 1)::integer as code from (select distinct ${column} as value from shard_rows where ${column} is not null)`,
    );
    const values = await connection.runAndReadAll(`select value from ${dictionary} order by code`);
    dictionaries[i] = values.getColumnsJS()[0] as string[];
    select.push(`${dictionary}.code as ${column}`);
    joins.push(`left join ${dictionary} on ${dictionary}.value = s.${column}`);
  }
  // The temporary table keeps the query's order in its row ids; the joins do not, so it is restored.
  return {
    query: `select ${select.join(', ')} from shard_rows s ${joins.join(' ')} order by s.rowid`,
    types,
    dictionaries,
  };
}

/**
 * Streams a query whose first column names the shard of each row, ordered by it, and writes one
 * Arrow file per shard; every expected shard without rows gets an empty file with the same columns.
 * One scan and sort serves thousands of regions, and memory holds one shard (and the files in flight).
 * Rows are read column by column from DuckDB's chunks, never as one JS array per row.
 */
export async function writeArrowShards(
  connection: DuckDBConnection,
  sql: string,
  pathOf: (shard: string) => string,
  expected: Iterable<string> = [],
): Promise<{ files: number; bytes: number }> {
  const coded = await codedRows(connection, sql);
  const result = await connection.stream(coded.query);
  const names = result.columnNames().slice(1);
  const types = coded.types.slice(1);
  const shardNames = coded.dictionaries[0];
  const dictionaries = coded.dictionaries.slice(1);
  const written = new Set<string>();
  const folders = new Map<string, Promise<unknown>>();
  const inflight = new Set<Promise<void>>();
  let failure: unknown;
  let files = 0;
  let bytes = 0;
  const write = async (shard: string, columns: unknown[][]) => {
    const data = arrowFromColumns(names, types, columns);
    const path = pathOf(shard);
    const folder = dirname(path);
    // Shards may share a folder: every write waits for the one mkdir of its folder.
    let made = folders.get(folder);
    if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
    const task: Promise<void> = made
      .then(() => writeFile(path, data))
      .then(
        () => void inflight.delete(task),
        (error: unknown) => {
          failure ??= error;
          inflight.delete(task);
        },
      );
    inflight.add(task);
    written.add(shard);
    files++;
    bytes += data.byteLength;
    if (inflight.size >= WRITES_IN_FLIGHT) await Promise.race(inflight);
    if (failure) throw failure;
  };
  const plain = types.map((t) => PLAIN.has(t.typeId));
  try {
    let current: string | undefined;
    let columns: unknown[][] = names.map(() => []);
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const shards = chunk.getColumnVector(0);
      const vectors = names.map((_, i) => chunk!.getColumnVector(i + 1));
      // Appends the chunk's rows [from, to) to the current shard's columns.
      const take = (from: number, to: number) => {
        vectors.forEach((vector, i) => {
          const column = columns[i]!;
          const dictionary = dictionaries[i];
          if (dictionary)
            for (let r = from; r < to; r++) {
              const code = vector.getItem(r) as number | null;
              column.push(code === null ? null : dictionary[code]);
            }
          else if (plain[i]) for (let r = from; r < to; r++) column.push(vector.getItem(r));
          else
            for (let r = from; r < to; r++)
              column.push(JSDuckDBValueConverter(vector.getItem(r), types[i]!, JSDuckDBValueConverter));
        });
      };
      let start = 0;
      for (let r = 0; r < chunk.rowCount; r++) {
        const item = shards.getItem(r);
        const shard = shardNames ? shardNames[item as number]! : String(item);
        if (shard === current) continue;
        take(start, r);
        start = r;
        if (current !== undefined) await write(current, columns);
        current = shard;
        columns = names.map(() => []);
      }
      take(start, chunk.rowCount);
    }
    if (current !== undefined) await write(current, columns);
    for (const shard of expected)
      if (!written.has(shard))
        await write(
          shard,
          names.map(() => []),
        );
  } finally {
    // Never leave a write running past the caller: its folder may be renamed or removed next.
    await Promise.all(inflight);
    await connection.run('drop table if exists shard_rows');
    for (const i of coded.dictionaries.keys())
      if (coded.dictionaries[i]) await connection.run(`drop table if exists ${quoteIdentifier(`shard_text_${i}`)}`);
  }
  if (failure) throw failure;
  return { files, bytes };
}
