import type { EnumValues } from '../validate/parse-enum.ts';

/** What a column holds, and so how its cells are parsed and checked. */
export type ColumnType =
  | { kind: 'code'; digits: number }
  | { kind: 'year' }
  | { kind: 'integer'; min?: number }
  | { kind: 'number'; min?: number; max?: number; money?: boolean }
  | { kind: 'text' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'enum'; values: EnumValues };

/** One column of an inbox dataset (docs/inbox.md). */
export interface ColumnSpec {
  name: string;
  aliases: readonly string[];
  type: ColumnType;
  /** Required columns must be in the header, and their cells must not be blank. */
  required: boolean;
  /** Personal data: replaced by a salted hash at ingest and never stored raw. */
  personal?: boolean;
  /** Units a header may carry, e.g. `金额(万元)`, with the factor to the stored unit. */
  units?: Readonly<Record<string, number>>;
}

/** One inbox dataset: its columns, its key, and the checks that span columns. */
export interface DatasetSpec {
  name: DatasetName;
  columns: readonly ColumnSpec[];
  key: readonly string[];
}

/** The inbox datasets, one folder each under the inbox. */
export type DatasetName = 'communities' | 'facilities' | 'staff' | 'funding' | 'wages';

export const communityCode: ColumnSpec = {
  name: 'community_code',
  aliases: ['社区代码', '统计用区划代码', '区划代码', '村(居)代码', 'code'],
  type: { kind: 'code', digits: 12 },
  required: true,
};

export const year: ColumnSpec = {
  name: 'year',
  aliases: ['年份', '年度'],
  type: { kind: 'year' },
  required: true,
};

/** Money units: the factor that turns an amount in one of them into yuan. */
export const MONEY_UNITS: Readonly<Record<string, number>> = { 元: 1, yuan: 1, 万元: 10_000 };
