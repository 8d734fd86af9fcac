import type { Cell } from '../ingest/cell.ts';
import { cellText, isBlank } from '../ingest/cell.ts';
import type { ColumnSpec, DatasetSpec } from '../schema/column.ts';
import { foldHeader } from './fold-header.ts';

/** Where one dataset column sits in a file, and the unit factor its header declared. */
export interface MappedColumn {
  spec: ColumnSpec;
  index: number;
  header: string;
  factor: number;
  /** The unit the header declared, if any. */
  unit?: string;
}

/** How a header row maps onto a dataset: matched columns, extras kept aside, and what is wrong. */
export interface HeaderMapping {
  columns: MappedColumn[];
  extras: { index: number; header: string }[];
  missing: ColumnSpec[];
  problems: string[];
}

function lookupTable(spec: DatasetSpec): Map<string, ColumnSpec> {
  const table = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    table.set(foldHeader(column.name), column);
    for (const alias of column.aliases) table.set(foldHeader(alias), column);
  }
  return table;
}

const withUnit = /^(.+?)[([](.+)[)\]]$/;

/**
 * Maps a header row onto a dataset, case- and space-insensitively, by English name or Chinese alias,
 * reading a unit in brackets (`金额(万元)`) where the column accepts one.
 */
export function mapHeader(spec: DatasetSpec, header: readonly Cell[]): HeaderMapping {
  const table = lookupTable(spec);
  const mapping: HeaderMapping = { columns: [], extras: [], missing: [], problems: [] };
  const seen = new Map<string, MappedColumn>();
  header.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const text = cellText(cell).trim();
    const folded = foldHeader(text);
    let column = table.get(folded);
    let factor = 1;
    let unit: string | undefined;
    if (!column) {
      const m = withUnit.exec(folded);
      const base = m && table.get(m[1] as string);
      if (m && base) {
        const declared = m[2] as string;
        const entry = Object.entries(base.units ?? {}).find(([u]) => foldHeader(u) === declared);
        if (!entry) {
          const accepted = Object.keys(base.units ?? {});
          mapping.problems.push(
            `unknown unit in header: ${text} (${accepted.length ? `accepted: ${accepted.join(', ')}` : 'this column takes no unit'})`,
          );
          return;
        }
        column = base;
        [unit, factor] = entry;
      }
    }
    if (!column) {
      mapping.extras.push({ index, header: text });
      return;
    }
    const previous = seen.get(column.name);
    if (previous) {
      mapping.problems.push(`two columns mean ${column.name}: ${previous.header}, ${text}`);
      return;
    }
    const mapped: MappedColumn = { spec: column, index, header: text, factor, ...(unit ? { unit } : {}) };
    seen.set(column.name, mapped);
    mapping.columns.push(mapped);
  });
  mapping.missing = spec.columns.filter((c) => c.required && !seen.has(c.name));
  return mapping;
}

/** How a missing column is named to a clerk: its English name and first Chinese alias. */
export function describeColumn(column: ColumnSpec): string {
  return column.aliases.length ? `${column.name} (${column.aliases[0]})` : column.name;
}
