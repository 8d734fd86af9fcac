import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CliError } from './cli-error.ts';
import { openWarehouse } from './db/open-warehouse.ts';
import { runSqlFile } from './db/run-sql-file.ts';
import { computeMetrics } from './metrics/compute-metrics.ts';
import { writeDownloads } from './publish/write-downloads.ts';
import { writeShards, writeVersionManifest } from './publish/write-shards.ts';
import { GAPS, GROUPS, INDICATORS, MIN_GROUP_N } from './metrics/indicators.ts';
import { readStandards } from './standards/read-standards.ts';
import type { Logger } from './logger.ts';
import { publishVersion } from './publish/publish-version.ts';
import { qualityReport } from './publish/quality-report.ts';
import { loadRegistry } from './registry/load-registry.ts';
import { newRunId } from './run-id.ts';
import { ingestInbox, type IngestSummary } from './validate/ingest-inbox.ts';
import { personalHasher, readOrCreateSalt } from './validate/worker-salt.ts';

/** Options of one pipeline run (the `npm run pipeline` flags, plus what tests pin down). */
export interface PipelineOptions {
  inbox: string;
  warehouse: string;
  site: string;
  fullRefresh?: boolean;
  /** The salt file for worker ids; default: `worker-id.salt` beside the warehouse. */
  saltPath?: string;
  /** The standards file; default: config/standards.json. */
  standards?: string;
  /** The run's clock, so tests can fix "today" (future years and dates are judged against it). */
  now?: Date;
  logger: Logger;
}

/** What a successful run did. */
export interface PipelineResult {
  runId: string;
  version: string;
  synthetic: boolean;
  ingest: IngestSummary;
}

/** Reads the inbox manifest's synthetic flag (the demo generator writes one); absent means real data. */
async function inboxIsSynthetic(inbox: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(inbox, 'manifest.json'), 'utf8')) as { synthetic?: unknown };
    return manifest.synthetic === true;
  } catch {
    return false;
  }
}

/**
 * The nightly job: registry, ingest with quarantine, models, publication. Any failure leaves the
 * warehouse's data and the published version as they were, and is recorded in the run log.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { logger } = options;
  const now = options.now ?? new Date();
  const runId = newRunId(now);
  const warehouse = await openWarehouse(options.warehouse);
  const { connection } = warehouse;
  try {
    await runSqlFile(connection, new URL('./db/schema.sql', import.meta.url));
    await loadRegistry(connection, logger, options.fullRefresh);
    const synthetic = await inboxIsSynthetic(options.inbox);
    await runSqlFile(connection, new URL('./record-run-start.sql', import.meta.url), {
      params: { run_id: runId, started_at: now.toISOString(), synthetic },
    });
    try {
      const saltPath =
        options.saltPath ?? (options.warehouse === ':memory:' ? undefined : join(dirname(options.warehouse), 'worker-id.salt'));
      if (!saltPath) throw new CliError('no salt file for worker ids: pass saltPath with an in-memory warehouse');
      const hashPersonal = personalHasher(readOrCreateSalt(saltPath));
      const today = now.toISOString().slice(0, 10);
      const standards = await readStandards(options.standards);
      await connection.run('begin transaction');
      let ingest: IngestSummary;
      try {
        ingest = await ingestInbox(
          connection,
          options.inbox,
          runId,
          { currentYear: now.getUTCFullYear(), today, hashPersonal },
          logger,
        );
        await computeMetrics(connection, standards, logger);
        await runSqlFile(connection, new URL('./record-synthetic.sql', import.meta.url), { params: { synthetic: String(synthetic) } });
        await connection.run('commit');
      } catch (error) {
        await connection.run('rollback');
        throw error;
      }
      const version = runId;
      await publishVersion(options.site, { version, generated_at: now.toISOString(), synthetic, run_id: runId }, async (dir) => {
        await writeFile(join(dir, 'quality.json'), `${JSON.stringify(await qualityReport(connection, ingest), null, 1)}\n`);
        const downloads = await writeDownloads(connection, dir);
        const shards = await writeShards(connection, dir);
        const [facts] = await runSqlFile(connection, new URL('./publish/version-manifest.sql', import.meta.url));
        await writeVersionManifest(dir, {
          version,
          generated_at: now.toISOString(),
          synthetic,
          ...facts,
          min_group_n: MIN_GROUP_N,
          indicators: INDICATORS,
          groups: GROUPS,
          gaps: GAPS,
          standards,
          downloads,
          shards,
        });
      });
      await runSqlFile(connection, new URL('./record-run.sql', import.meta.url), {
        params: {
          run_id: runId,
          status: 'published',
          exit_code: 0,
          message: null,
          files: ingest.files.length,
          rows_read: ingest.rowsRead,
          rows_kept: ingest.rowsKept,
          rows_quarantined: ingest.rowsQuarantined,
        },
      });
      return { runId, version, synthetic, ingest };
    } catch (error) {
      await runSqlFile(connection, new URL('./record-run.sql', import.meta.url), {
        params: {
          run_id: runId,
          status: 'failed',
          exit_code: error instanceof CliError ? error.exitCode : 1,
          message: (error as Error).message,
          files: null,
          rows_read: null,
          rows_kept: null,
          rows_quarantined: null,
        },
      });
      throw error;
    }
  } finally {
    warehouse.close();
  }
}
