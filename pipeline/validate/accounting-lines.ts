import { SKIP_REASONS } from '../extract/list-inbox.ts';
import type { IngestSummary } from './ingest-inbox.ts';

/** The closing row accounting of an ingest: files, rows read = kept + quarantined, quarantine by reason. */
export function accountingLines(ingest: IngestSummary): string[] {
  const lines = [
    `files: ${ingest.files.length} read${ingest.skipped.length ? `, ${ingest.skipped.length} paths not read:` : ''}`,
    ...ingest.skipped.map((s) => `  ${s.path}: ${SKIP_REASONS[s.reason]}`),
    `rows: ${ingest.rowsRead} read = ${ingest.rowsKept} kept + ${ingest.rowsQuarantined} quarantined`,
  ];
  if (ingest.quarantinedByRule.length > 0) {
    lines.push('quarantined by reason:');
    for (const r of ingest.quarantinedByRule) lines.push(`  ${r.dataset}: ${r.rule}: ${r.rows}`);
  }
  return lines;
}
