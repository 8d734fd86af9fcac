import { writeFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { csvCell } from '../../../pipeline/publish/csv-cell.ts';

/**
 * The CSV writer the downloads had before they moved to DuckDB's COPY, kept as the reference the
 * COPY writer must equal byte for byte: every row through csvCell in JavaScript.
 */
export async function referenceWriteCsv(connection: DuckDBConnection, sql: string, path: string): Promise<number> {
  const result = await connection.stream(sql);
  let text = `\ufeff${result.columnNames().map(csvCell).join(',')}\r\n`;
  let rows = 0;
  for await (const chunk of result.yieldRowsJs()) {
    for (const row of chunk) text += `${row.map(csvCell).join(',')}\r\n`;
    rows += chunk.length;
  }
  await writeFile(path, text);
  return rows;
}
