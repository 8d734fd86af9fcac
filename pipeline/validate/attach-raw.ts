import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { InboxFile } from '../ingest/list-inbox.ts';
import { readLocated } from '../ingest/load-file.ts';
import { rawCells, type RowContext } from './parse-row.ts';

/**
 * Gives the rows that whole-inbox checks quarantined (registry, duplicate keys) their raw cells, by
 * reading again only the files that hold such rows. Keeping raw cells for every row instead would
 * cost a quarter of the ingest time for the few rows that need them.
 */
export async function attachRawCells(
  connection: DuckDBConnection,
  filesById: ReadonlyMap<number, InboxFile>,
  ctx: RowContext,
): Promise<void> {
  const wanted = await runSqlFile(connection, new URL('./quarantined-without-raw.sql', import.meta.url));
  const byFile = new Map<number, Set<string>>();
  for (const w of wanted) {
    const id = w.file_id as number;
    if (!byFile.has(id)) byFile.set(id, new Set());
    byFile.get(id)!.add(`${(w.sheet as string | null) ?? ''}\u0000${w.row_number as number}`);
  }
  const appender = await connection.createAppender('quarantine_raw');
  try {
    for (const [fileId, rows] of byFile) {
      const file = filesById.get(fileId);
      if (!file) continue;
      const { located } = await readLocated(connection, file);
      for (const { table, found, located: header } of located) {
        if (!found || !header) continue;
        for (const row of table.rows) {
          if (!rows.has(`${table.sheet ?? ''}\u0000${row.number}`)) continue;
          appender.appendInteger(fileId);
          if (table.sheet === undefined) appender.appendNull();
          else appender.appendVarchar(table.sheet);
          appender.appendInteger(row.number);
          appender.appendVarchar(JSON.stringify(rawCells(header.mapping, header.header, row.cells, ctx)));
          appender.endRow();
        }
      }
    }
  } finally {
    appender.closeSync();
  }
}
