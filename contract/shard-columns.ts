/**
 * How a published column is stored in an Arrow shard: text is dictionary-encoded UTF-8, an integer
 * is Int32 and any other number Float64 (pipeline/publish/arrow-from-query.ts maps DuckDB types so).
 */
export type ColumnKind = 'text' | 'int' | 'float' | 'bool';

/** One column of a published shard: its storage, whether it may be null, and for text its values. */
export interface ColumnContract {
  readonly kind: ColumnKind;
  readonly nullable: boolean;
  readonly values?: readonly string[];
}

/** The columns of one shard, in the order the shard's query selects them. */
export type ShardColumns = Readonly<Record<string, ColumnContract>>;

/** A text column, optionally limited to an enumeration. */
export interface TextColumn<V extends string, N extends boolean> extends ColumnContract {
  readonly kind: 'text';
  readonly nullable: N;
  readonly values?: readonly V[];
}

/** A number or boolean column. */
export interface PlainColumn<K extends 'int' | 'float' | 'bool', N extends boolean> extends ColumnContract {
  readonly kind: K;
  readonly nullable: N;
}

type ValueOf<C extends ColumnContract> =
  C extends TextColumn<infer V, boolean> ? V : C['kind'] extends 'bool' ? boolean : number;

/** The row type a reader gets from a shard: each column's value, null where the column allows it. */
export type RowOf<S extends ShardColumns> = {
  -readonly [K in keyof S]: ValueOf<S[K]> | (S[K]['nullable'] extends true ? null : never);
};

const text = <const V extends string = string>(values?: readonly V[]): TextColumn<V, false> =>
  values ? { kind: 'text', nullable: false, values } : { kind: 'text', nullable: false };
const textOrNull = <const V extends string = string>(values?: readonly V[]): TextColumn<V, true> =>
  values ? { kind: 'text', nullable: true, values } : { kind: 'text', nullable: true };
const plain =
  <K extends 'int' | 'float' | 'bool', N extends boolean>(kind: K, nullable: N) =>
  (): PlainColumn<K, N> => ({ kind, nullable });

/** Column constructors; the `…OrNull` ones may hold null (unknown, never zero). */
export const col = {
  text,
  textOrNull,
  int: plain('int', false),
  intOrNull: plain('int', true),
  float: plain('float', false),
  floatOrNull: plain('float', true),
  bool: plain('bool', false),
  boolOrNull: plain('bool', true),
};
