import type { SourceTable } from '../ingest/source-table.ts';
import type { DatasetSpec } from '../schema/column.ts';
import { mapHeader, type HeaderMapping } from './map-header.ts';

/** How far down a sheet a header row is looked for (title rows above a header are common). */
const HEADER_SEARCH_ROWS = 10;

/** A table's header: its mapping, the header cells, and the index of the first data row. */
export interface LocatedHeader {
  mapping: HeaderMapping;
  header: SourceTable['rows'][number]['cells'];
  headerRowNumber: number;
  dataStart: number;
}

/**
 * Finds the header of a table: the given one (JSON, Parquet), or the first of the top rows that
 * carries every required column. When none does, returns the best candidate (most columns matched)
 * so the message can name what is missing.
 */
export function locateHeader(
  spec: DatasetSpec,
  table: SourceTable,
): { found: boolean; located: LocatedHeader | undefined } {
  if (table.header) {
    const mapping = mapHeader(spec, table.header);
    const located = { mapping, header: table.header, headerRowNumber: 0, dataStart: 0 };
    return { found: mapping.missing.length === 0 && mapping.problems.length === 0, located };
  }
  let best: LocatedHeader | undefined;
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = table.rows[i]!;
    const mapping = mapHeader(spec, row.cells);
    const located = { mapping, header: row.cells, headerRowNumber: row.number, dataStart: i + 1 };
    if (mapping.missing.length === 0) return { found: mapping.problems.length === 0, located };
    if (!best || mapping.columns.length > best.mapping.columns.length) best = located;
  }
  return { found: false, located: best };
}
