import type { Table } from 'apache-arrow';

/**
 * Plain objects from an Arrow table, column by column (far faster than row proxies), keeping nulls
 * as null and turning 64-bit integers into numbers.
 */
export function rowsFromTable<Row>(table: Table): Row[] {
  const rows: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name);
    if (!column) continue;
    let i = 0;
    for (const value of column) {
      rows[i++]![field.name] = typeof value === 'bigint' ? Number(value) : (value ?? null);
    }
  }
  return rows as Row[];
}
