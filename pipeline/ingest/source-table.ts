import type { Cell } from './cell.ts';

/** One row as read, with the row number a clerk would look up in the file (1-based; JSON: element number). */
export interface RawRow {
  number: number;
  cells: Cell[];
  /** What is wrong with the record's structure (a broken quote, a formula without a value): quarantined as such. */
  problem?: { rule: string; reason: string };
}

/**
 * A table as a reader found it. `header` is given by formats that name their fields (JSON, Parquet);
 * for CSV and XLSX it is undefined and the header row is looked for among the first rows.
 */
export interface SourceTable {
  sheet?: string;
  header?: Cell[];
  rows: RawRow[];
  /** Delimited text: a row with more filled cells than the header has shifted values (an unquoted 2,419). */
  checkWidth?: boolean;
}

/** The inbox formats (docs/inbox.md). */
export type InboxFormat = 'csv' | 'tsv' | 'xlsx' | 'parquet' | 'json' | 'jsonl';

/** What reading a file gave: its tables, and the encoding it was decoded from (text formats). */
export interface ReadResult {
  format: InboxFormat;
  encoding?: string;
  tables: SourceTable[];
}
