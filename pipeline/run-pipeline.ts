import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runDataTests, type DataTestResult } from './checks/data-tests.ts';
import { CliError } from './cli-error.ts';
import { openWarehouse } from './db/open-warehouse.ts';
import { runSqlFile } from './db/run-sql-file.ts';
import type { Logger } from './logger.ts';
import { computeMetrics } from './metrics/compute-metrics.ts';
import { GAPS, GROUPS, INDICATORS, MIN_GROUP_N } from '../contract/indicators.ts';
import { currentVersion, pruneVersions } from './publish/prune-versions.ts';
import { publishVersion } from './publish/publish-version.ts';
import { qualityReport } from './publish/quality-report.ts';
import { runLogText, writeRunLog } from './publish/write-run-log.ts';
import { planShardReuse } from './publish/plan-shard-reuse.ts';
import { writeDownloads } from './publish/write-downloads.ts';
import { writeLake } from './publish/write-lake.ts';
import { writeShards, writeVersionManifest } from './publish/write-shards.ts';
import { loadRegistry } from './registry/load-registry.ts';
import { newRunId } from './run-id.ts';
import { failpoint } from './run/failpoint.ts';
import { acquireLock } from './run/lock.ts';
import { duckDbResources, readPipelineConfig, type PipelineConfig } from './run/pipeline-config.ts';
import { StepTimer } from './run/step-timer.ts';
import { writeQuarantineReport } from './run/write-quarantine-report.ts';
import { readStandards } from './standards/read-standards.ts';
import type { Standard } from '../contract/standard.ts';
import { accountingLines } from './validate/accounting-lines.ts';
import { ingestInbox, type IngestSummary } from './validate/ingest-inbox.ts';
import { planIngest, planIsEmpty, recordTouched, type IngestPlan } from './validate/plan-ingest.ts';
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
  /** The settings file; default: config/pipeline.json. */
  config?: string;
  /** Overrides the settings file's keep_versions. */
  keepVersions?: number;
  /** The run's clock, so tests can fix "today" (future years and dates are judged against it). */
  now?: Date;
  logger: Logger;
}

/** What the run changed: files, rows per dataset, and the largest gap moves. */
export interface RunChanges {
  files_added: number;
  files_changed: number;
  files_removed: number;
  /** Kept rows that came in, per dataset: new and changed files' rows. */
  rows_added: Record<string, number>;
  /** Kept rows that went out, per dataset: removed and replaced files' rows, and rows a new conflict quarantined. */
  rows_removed: Record<string, number>;
  gap_moves: Record<string, unknown>[];
}

/** What a successful run did. `noop` runs found nothing new and published nothing. */
export interface PipelineResult {
  runId: string;
  version: string;
  synthetic: boolean;
  noop: boolean;
  ingest?: IngestSummary;
  tests: DataTestResult[];
  changes?: RunChanges;
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

/** A fingerprint of what besides the inbox decides the published figures. */
function settingsHash(standards: readonly Standard[], synthetic: boolean): string {
  return createHash('sha256')
    .update(JSON.stringify({ standards, synthetic, min: MIN_GROUP_N }))
    .digest('hex');
}

async function readMeta(connection: DuckDBConnection): Promise<Record<string, string>> {
  const rows = await runSqlFile(connection, new URL('./run/read-meta.sql', import.meta.url));
  return Object.fromEntries(rows.map((r) => [r.key as string, r.value as string]));
}

async function writeMeta(connection: DuckDBConnection, values: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await runSqlFile(connection, new URL('./run/write-meta.sql', import.meta.url), { params: { key, value } });
  }
}

function changesOf(
  plan: IngestPlan,
  keptChanges: Record<string, unknown>[],
  gapMoves: Record<string, unknown>[],
): RunChanges {
  const rowsAdded: Record<string, number> = {};
  const rowsRemoved: Record<string, number> = {};
  for (const r of keptChanges) {
    if (Number(r.rows_added) > 0) rowsAdded[r.dataset as string] = Number(r.rows_added);
    if (Number(r.rows_removed) > 0) rowsRemoved[r.dataset as string] = Number(r.rows_removed);
  }
  return {
    files_added: plan.files.filter((f) => f.status === 'added').length,
    files_changed: plan.files.filter((f) => f.status === 'changed').length,
    files_removed: plan.removed.length,
    rows_added: rowsAdded,
    rows_removed: rowsRemoved,
    gap_moves: gapMoves.map((m) =>
      Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    ),
  };
}

/**
 * The nightly job: lock, registry, incremental ingest with quarantine, models, data tests,
 * publication of a new version, pruning. An unchanged inbox is a no-op. Any failure leaves the
 * warehouse's data and the published version as they were, and is recorded in the run log.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const now = options.now ?? new Date();
  const config: PipelineConfig = {
    ...(await readPipelineConfig(options.config)),
    ...(options.keepVersions !== undefined ? { keep_versions: options.keepVersions } : {}),
  };
  const release = options.warehouse === ':memory:' ? () => undefined : acquireLock(`${options.warehouse}.lock`, now);
  try {
    const warehouse = await openWarehouse(options.warehouse, duckDbResources(config));
    try {
      return await run(warehouse.connection, options, config, now);
    } finally {
      warehouse.close();
    }
  } finally {
    release();
  }
}

async function run(
  connection: DuckDBConnection,
  options: PipelineOptions,
  config: PipelineConfig,
  now: Date,
): Promise<PipelineResult> {
  const { logger } = options;
  const runId = newRunId(now);
  const timer = new StepTimer(logger);
  const [engine] = await runSqlFile(connection, new URL('./db/engine-settings.sql', import.meta.url));
  logger.info(`duckdb: memory_limit ${String(engine?.memory_limit)}, threads ${String(engine?.threads)}`);
  await runSqlFile(connection, new URL('./db/schema.sql', import.meta.url));
  const standards = await readStandards(options.standards);
  const synthetic = await inboxIsSynthetic(options.inbox);
  await runSqlFile(connection, new URL('./record-run-start.sql', import.meta.url), {
    params: { run_id: runId, started_at: now.toISOString(), synthetic },
  });
  let tests: DataTestResult[] = [];
  let inTransaction = false;
  // The log is a side record: failing to write it must not turn a published run into a failed one.
  const logRuns = (text = () => runLogText(connection, now, config.freshness_warn_days)) =>
    writeRunLog(options.site, text).catch((error: unknown) =>
      logger.warn(`could not write the run log in ${join(options.site, 'data')}: ${(error as Error).message}`),
    );
  try {
    await timer.time(
      'registry',
      () => loadRegistry(connection, logger, options.fullRefresh),
      (n) => n,
    );
    const plan = await timer.time(
      'fingerprint inbox',
      () => planIngest(connection, options.inbox, options.fullRefresh === true),
      (p) => p.files.length,
    );
    await recordTouched(connection, plan);
    const meta = await readMeta(connection);
    const settings = settingsHash(standards, synthetic);
    const live = await currentVersion(options.site);
    if (
      planIsEmpty(plan) &&
      !options.fullRefresh &&
      meta.settings_hash === settings &&
      live &&
      live === meta.published_version
    ) {
      logger.info(`inbox unchanged since version ${live}: nothing to do`);
      await recordRun(connection, runId, 'unchanged', 0, null, undefined, live, undefined);
      await timer.store(connection, runId);
      await logRuns();
      return { runId, version: live, synthetic, noop: true, tests: [] };
    }

    const saltPath =
      options.saltPath ??
      (options.warehouse === ':memory:' ? undefined : join(dirname(options.warehouse), 'worker-id.salt'));
    if (!saltPath) throw new CliError('no salt file for worker ids: pass saltPath with an in-memory warehouse');
    const hashPersonal = personalHasher(readOrCreateSalt(saltPath));
    const ctx = { currentYear: now.getUTCFullYear(), today: now.toISOString().slice(0, 10), hashPersonal, now };
    const version = runId;

    await connection.run('begin transaction');
    inTransaction = true;
    await runSqlFile(connection, new URL('./run/snapshot-gaps.sql', import.meta.url));
    await runSqlFile(connection, new URL('./run/snapshot-kept.sql', import.meta.url));
    const ingest = await timer.time(
      'ingest',
      () => ingestInbox(connection, plan, runId, ctx, logger),
      (s) => s.rowsRead,
    );
    await failpoint('models');
    await timer.time('models', () => computeMetrics(connection, standards, logger));
    tests = await timer.time(
      'data tests',
      () => runDataTests(connection, config),
      (t) => t.length,
    );
    for (const t of tests) if (t.status !== 'pass') logger.warn(`data test ${t.id} (${t.status}): ${t.message}`);
    const errors = tests.filter((t) => t.status === 'error');
    if (errors.length > 0) {
      for (const line of accountingLines(ingest)) logger.info(line);
      const report =
        ingest.rowsQuarantined > 0 ? await writeQuarantineReport(connection, options.warehouse, runId) : undefined;
      const where = report ? `; the quarantined rows are listed in ${report}` : '';
      throw new CliError(
        `data tests failed, nothing published: ${errors.map((t) => `${t.id}: ${t.message}`).join('; ')}${where}`,
      );
    }
    const gapMoves = await runSqlFile(connection, new URL('./run/gap-moves.sql', import.meta.url));
    const keptChanges = await runSqlFile(connection, new URL('./run/kept-changes.sql', import.meta.url));
    const changes = changesOf(plan, keptChanges, gapMoves);
    const { reuse, basis } = await planShardReuse(connection, {
      site: options.site,
      live,
      published: meta.published_version,
      previousBasis: meta.shard_basis,
      settings,
      registry: meta.registry_version,
      fullRefresh: options.fullRefresh === true,
    });
    await writeMeta(connection, {
      synthetic: String(synthetic),
      settings_hash: settings,
      published_version: version,
      shard_basis: basis,
    });
    await connection.run('commit');
    inTransaction = false;

    let log = '';
    await timer.time('publish', () =>
      publishVersion(
        options.site,
        { version, generated_at: now.toISOString(), synthetic, run_id: runId },
        async (dir) => {
          await writeFile(
            join(dir, 'quality.json'),
            `${JSON.stringify(await qualityReport(connection, ingest), null, 1)}\n`,
          );
          const downloads = await writeDownloads(connection, dir);
          const lake = await writeLake(connection, dir);
          await failpoint('publish');
          const shards = await writeShards(connection, dir, reuse);
          if (reuse)
            logger.info(
              `shards: ${shards.reused} of ${shards.files} files unchanged since version ${basename(reuse.from)}, linked`,
            );
          const [facts] = await runSqlFile(connection, new URL('./publish/version-manifest.sql', import.meta.url));
          await recordRun(connection, runId, 'published', 0, null, ingest, version, changes);
          await recordTests(connection, runId, tests);
          await timer.store(connection, runId);
          log = await runLogText(connection, now, config.freshness_warn_days);
          await writeFile(join(dir, 'runs.json'), log);
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
            lake,
            shards,
            runs: `${version}/runs.json`,
          });
        },
      ),
    );
    // The live log is the version's own snapshot until the next run.
    await logRuns(async () => log);
    const pruned = await pruneVersions(options.site, config.keep_versions);
    if (pruned.length > 0) logger.info(`removed old versions: ${pruned.join(', ')}`);
    return { runId, version, synthetic, noop: false, ingest, tests, changes };
  } catch (error) {
    try {
      if (inTransaction) await connection.run('rollback');
      const code = error instanceof CliError ? error.exitCode : 1;
      await recordRun(connection, runId, 'failed', code, (error as Error).message, undefined, undefined, undefined);
      await recordTests(connection, runId, tests);
      await timer.store(connection, runId);
    } catch (recording) {
      // The warehouse may be what failed (a full disk): the run's own error is the one to report.
      logger.warn(`could not record the failed run: ${(recording as Error).message}`);
    }
    await logRuns();
    throw error;
  }
}

async function recordRun(
  connection: DuckDBConnection,
  runId: string,
  status: string,
  exitCode: number,
  message: string | null,
  ingest: IngestSummary | undefined,
  version: string | undefined,
  changes: RunChanges | undefined,
): Promise<void> {
  await runSqlFile(connection, new URL('./record-run.sql', import.meta.url), {
    params: {
      run_id: runId,
      status,
      exit_code: exitCode,
      message,
      files: ingest ? ingest.files.length : null,
      rows_read: ingest ? ingest.rowsRead : null,
      rows_kept: ingest ? ingest.rowsKept : null,
      rows_quarantined: ingest ? ingest.rowsQuarantined : null,
      version: version ?? null,
      changes: changes ? JSON.stringify(changes) : null,
    },
  });
  if (status === 'published') {
    await runSqlFile(connection, new URL('./record-run-files.sql', import.meta.url), { params: { run_id: runId } });
  }
}

async function recordTests(
  connection: DuckDBConnection,
  runId: string,
  tests: readonly DataTestResult[],
): Promise<void> {
  for (const t of tests) {
    await runSqlFile(connection, new URL('./run/record-test.sql', import.meta.url), {
      params: {
        run_id: runId,
        test_id: t.id,
        description: t.description,
        severity: t.severity,
        status: t.status,
        failures: t.failures,
        threshold: t.threshold,
        message: t.message,
      },
    });
  }
}
