import type { DuckDBConnection } from '@duckdb/node-api';
import type { QualityReport, QuarantineRow } from '../../contract/published-types.ts';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { IngestSummary } from '../ingest/ingest-inbox.ts';

/**
 * The data-quality document published with each version: per-file accounting, quarantine counts by
 * rule, and the quarantined rows with file, row, column and reason. Raw cells are not published:
 * they stay in the warehouse, where the salted worker hashes are no one's business but the operator's.
 */
export async function qualityReport(connection: DuckDBConnection, ingest: IngestSummary): Promise<QualityReport> {
  const rows = await runSqlFile<QuarantineRow>(connection, new URL('./quality-rows.sql', import.meta.url));
  return {
    files: ingest.files.map((f) => ({
      dataset: f.dataset,
      path: f.path,
      format: f.format,
      ...(f.encoding === undefined ? {} : { encoding: f.encoding }),
      status: f.status,
      ...(f.message === undefined ? {} : { message: f.message }),
      rows_read: f.rowsRead,
      rows_kept: f.rowsKept,
      rows_merged: f.rowsMerged,
      rows_quarantined: f.rowsQuarantined,
      extra_columns: f.extraColumns,
    })),
    skipped: ingest.skipped,
    totals: { rows_read: ingest.rowsRead, rows_kept: ingest.rowsKept, rows_quarantined: ingest.rowsQuarantined },
    quarantined_by_rule: ingest.quarantinedByRule,
    quarantine: rows,
  };
}
