import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { IngestSummary } from '../validate/ingest-inbox.ts';

/**
 * The data-quality document published with each version: per-file accounting, quarantine counts by
 * rule, and the quarantined rows with file, row, column and reason. Raw cells are not published:
 * they stay in the warehouse, where the salted worker hashes are no one's business but the operator's.
 */
export async function qualityReport(connection: DuckDBConnection, ingest: IngestSummary) {
  const rows = await runSqlFile(connection, new URL('./quality-rows.sql', import.meta.url));
  return {
    files: ingest.files,
    skipped: ingest.skipped,
    totals: { rows_read: ingest.rowsRead, rows_kept: ingest.rowsKept, rows_quarantined: ingest.rowsQuarantined },
    quarantined_by_rule: ingest.quarantinedByRule,
    quarantine: rows,
  };
}
