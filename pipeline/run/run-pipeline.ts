import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { runDataTests, type DataTestResult } from '../checks/data-tests.ts';
import { CliError } from '../cli-error.ts';
import { openWarehouse, type Warehouse } from '../db/open-warehouse.ts';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { Logger } from '../logger.ts';
import { computeMetrics, type ModelScope } from '../models/compute-metrics.ts';
import { outputBasis } from '../publish/output-basis.ts';
import { countCommunityYears } from '../models/marts/count-community-years.ts';
import { GAPS, GROUPS, INDICATORS, MIN_GROUP_N } from '../../contract/indicators.ts';
import type { GapMove, Manifest, RunChanges } from '../../contract/published-types.ts';
import { currentVersion, pruneVersions } from '../publish/prune-versions.ts';
import { publishVersion } from '../publish/publish-version.ts';
import { qualityReport } from '../publish/quality-report.ts';
import { runLogText, writeRunLog } from '../publish/write-run-log.ts';
import { planShardReuse } from '../publish/plan-shard-reuse.ts';
import { writeDownloads } from '../publish/write-downloads.ts';
import { writeLake } from '../publish/write-lake.ts';
import { writeShards, writeVersionManifest } from '../publish/write-shards.ts';
import { loadRegistry } from '../registry/load-registry.ts';
import { newRunId } from './run-id.ts';
import { failpoint } from './failpoint.ts';
import { writeLockNote } from './lock.ts';
import { duckDbResources, readPipelineConfig, type PipelineConfig } from './pipeline-config.ts';
import { StepTimer } from './step-timer.ts';
import { writeQuarantineReport } from './write-quarantine-report.ts';
import { readStandards } from '../standards/read-standards.ts';
import type { Standard } from '../../contract/standard.ts';
import type { SkippedPath } from '../../contract/published-types.ts';
import { EXPECTED_SKIPS, SKIP_REASONS } from '../ingest/list-inbox.ts';
import { accountingLines } from '../validate/accounting-lines.ts';
import { ingestInbox, type IngestSummary } from '../ingest/ingest-inbox.ts';
import { planIngest, planIsEmpty, recordTouched, type IngestPlan } from '../ingest/plan-ingest.ts';
import { newSalt, personalHasher, readSalt, writeSalt } from '../ingest/worker-salt.ts';
import { checkRemoval } from './check-removal.ts';
import { plainError } from './plain-error.ts';
import { keptCoverage } from './kept-coverage.ts';

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
  /** Accept a run that removes more than max_removed_share of a dataset, or a county's last rows (--allow-removal). */
  allowRemoval?: boolean;
  /** Create a new worker-id salt when the old one is lost, re-hashing every staff file (--new-salt). */
  newSalt?: boolean;
  /** The run's clock, so tests can fix "today" (future years and dates are judged against it). */
  now?: Date;
  logger: Logger;
}

/** What version-manifest.sql tells of the data. */
type VersionFacts = Pick<Manifest, 'years' | 'communities' | 'community_years' | 'registry_version'>;

/** What a successful run did. `noop` runs found nothing new and published nothing. */
export interface PipelineResult {
  runId: string;
  version: string;
  synthetic: boolean;
  noop: boolean;
  /** Every path under the inbox the run did not read, with why (noop runs included). */
  skipped: SkippedPath[];
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

/**
 * The worker-id salt of this warehouse. A missing salt is created only for a warehouse that holds no
 * hashed worker yet, or when --new-salt says so: a silent new salt would count every re-sent worker twice.
 */
async function workerSalt(
  connection: DuckDBConnection,
  options: PipelineOptions,
): Promise<{ salt: string; replacedLost: boolean; keep(): void }> {
  const path =
    options.saltPath ??
    (options.warehouse === ':memory:' ? undefined : join(dirname(options.warehouse), 'worker-id.salt'));
  if (!path) throw new CliError('no salt file for worker ids: pass saltPath with an in-memory warehouse');
  const salt = readSalt(path);
  if (salt) {
    if (options.newSalt) options.logger.warn(`--new-salt ignored: the worker-id salt is in place (${path})`);
    return { salt, replacedLost: false, keep: () => undefined };
  }
  const [hashed] = await runSqlFile(connection, new URL('./hashed-workers.sql', import.meta.url));
  const workers = hashed!.n as number;
  if (workers === 0) return { salt: writeSalt(path, newSalt()), replacedLost: false, keep: () => undefined };
  if (!options.newSalt)
    throw new CliError(
      `worker-id salt is missing: ${path}: the warehouse holds ${workers} staff rows whose worker ids were hashed with it, and a new salt would count every re-sent worker as a new one. Restore worker-id.salt from the backup of the folder holding the warehouse and run again; if it is lost for good, run once with --new-salt (every staff file is then read again and hashed with a new salt)`,
    );
  options.logger.warn(
    `new worker-id salt: every staff file is read again; it is written to ${path} once the run commits`,
  );
  // Written only with the rows it hashed: a run failing before its commit must not leave a salt that
  // the warehouse's old hashes do not match.
  const fresh = newSalt();
  return { salt: fresh, replacedLost: true, keep: () => void writeSalt(path, fresh) };
}

async function readMeta(connection: DuckDBConnection): Promise<Record<string, string>> {
  const rows = await runSqlFile(connection, new URL('./read-meta.sql', import.meta.url));
  return Object.fromEntries(rows.map((r) => [r.key as string, r.value as string]));
}

async function writeMeta(connection: DuckDBConnection, values: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await runSqlFile(connection, new URL('./write-meta.sql', import.meta.url), { params: { key, value } });
  }
}

function changesOf(plan: IngestPlan, keptChanges: Record<string, unknown>[], gapMoves: GapMove[]): RunChanges {
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
    gap_moves: gapMoves,
  };
}

/**
 * The nightly job: lock, registry, incremental ingest with quarantine, models, data tests,
 * publication of a new version, pruning. An unchanged inbox is a no-op.
 *
 * What is committed when:
 * - Before the data transaction, each in its own commit: the run-log row ("running"), the registry
 *   (loaded unless this version is there already), the worker-id salt and the new modification times
 *   of touched but unchanged inbox files; none of these changes a published figure.
 * - One transaction holds ingest, the removal check, models, data tests and the meta of the data
 *   loaded (loaded_version, settings and skipped-path hashes, shard fingerprints). A failure before its
 *   commit (an unreadable file, a collapse, an error-level data test) rolls it all back: the
 *   warehouse's data is as it was.
 * - Publication comes after that commit, on files only: the version is written into a staging folder
 *   and current.json switched by rename as the last step (publishVersion). Only then is
 *   published_version recorded, so the warehouse never names a version that did not go live.
 *
 * What a failed publish leaves: the previous version live and untouched, no staging folder, the run
 * logged as failed, and the warehouse holding the new data with a loaded_version that current.json
 * does not name. The next run sees that mismatch and is never a no-op: it publishes again even with
 * an unchanged inbox. Every run, failed ones included, ends with its outcome in the run log and in
 * `<site>/data/runs.json`.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const now = options.now ?? new Date();
  // The settings come first: they size the DuckDB connection (memory_limit, threads).
  const config: PipelineConfig = {
    ...(await readPipelineConfig(options.config)),
    ...(options.keepVersions !== undefined ? { keep_versions: options.keepVersions } : {}),
  };
  // Opening the warehouse takes DuckDB's OS-level lock on it: that is the one-run-at-a-time lock.
  const warehouse = await openWarehouse(options.warehouse, duckDbResources(config));
  let removeNote = (): void => undefined;
  try {
    if (options.warehouse !== ':memory:') removeNote = writeLockNote(`${options.warehouse}.lock`, now);
  } catch (error) {
    warehouse.close();
    throw plainError(error, options.warehouse);
  }
  try {
    return await run(warehouse, options, config, now);
  } finally {
    warehouse.close();
    removeNote();
  }
}

async function run(
  warehouse: Warehouse,
  options: PipelineOptions,
  config: PipelineConfig,
  now: Date,
): Promise<PipelineResult> {
  const { connection } = warehouse;
  const { logger } = options;
  const runId = newRunId(now);
  const timer = new StepTimer(logger);
  const [engine] = await runSqlFile(connection, new URL('../db/engine-settings.sql', import.meta.url));
  logger.info(`duckdb: memory_limit ${String(engine?.memory_limit)}, threads ${String(engine?.threads)}`);
  await runSqlFile(connection, new URL('../db/schema.sql', import.meta.url));
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
    const salt = await workerSalt(connection, options);
    // Hashes made with a lost salt match nothing any more: every staff row is hashed again with the new one.
    const fullRefresh = options.fullRefresh === true || salt.replacedLost;
    const plan = await timer.time(
      'fingerprint inbox',
      () => planIngest(connection, options.inbox, fullRefresh),
      (p) => p.files.length,
    );
    if (plan.files.length === 0 && !options.allowRemoval)
      throw new CliError(
        `inbox is empty: ${options.inbox} has no data file under communities/, facilities/, staff/, funding/ or wages/${plan.skipped.length ? ` (${plan.skipped.length} other paths, not read)` : ''}; if it is a network share, check that it is mounted and run again; to forget every row on purpose, run with --allow-removal`,
      );
    await recordTouched(connection, plan);
    // A note or the manifest beside the data is expected there: say so without a nightly warning.
    for (const s of plan.skipped) {
      const line = `not read: ${s.path}: ${SKIP_REASONS[s.reason]}`;
      if (EXPECTED_SKIPS.has(s.reason)) logger.info(line);
      else logger.warn(line);
    }
    // The quality page lists what was not read, so a change there alone is worth a new version.
    const skippedHash = createHash('sha256').update(JSON.stringify(plan.skipped)).digest('hex');
    const meta = await readMeta(connection);
    const settings = settingsHash(standards, synthetic);
    const live = await currentVersion(options.site);
    // The warehouse's data is published only when the version it was loaded for is the live one: a run
    // killed or failed after its commit but before its publication leaves work for the next run.
    const loaded = meta.loaded_version ?? meta.published_version;
    if (
      planIsEmpty(plan) &&
      !fullRefresh &&
      meta.settings_hash === settings &&
      live &&
      live === meta.published_version &&
      loaded === live &&
      (meta.skipped_hash ?? skippedHash) === skippedHash
    ) {
      logger.info(`inbox unchanged since version ${live}: nothing to do`);
      await recordRun(connection, runId, { status: 'unchanged', exitCode: 0, version: live });
      await timer.store(connection, runId);
      await logRuns();
      return { runId, version: live, synthetic, noop: true, skipped: plan.skipped, tests: [] };
    }

    const hashPersonal = personalHasher(salt.salt);
    const ctx = { currentYear: now.getUTCFullYear(), today: now.toISOString().slice(0, 10), hashPersonal, now };
    const version = runId;

    await connection.run('begin transaction');
    inTransaction = true;
    await runSqlFile(connection, new URL('./snapshot-gaps.sql', import.meta.url));
    await runSqlFile(connection, new URL('./snapshot-kept.sql', import.meta.url));
    await runSqlFile(connection, new URL('./snapshot-touched.sql', import.meta.url), {
      params: { file_ids: listValue([...plan.removed, ...plan.replaced].map((f) => f.fileId)) },
    });
    const coverageBefore = await keptCoverage(connection);
    // Checks, staged tables and models are redone only for the counties whose inputs changed when the
    // last run did them on the same basis (settings, registry, code); otherwise, and on a full refresh,
    // for all of them.
    const basis = await outputBasis(settings, meta.registry_version);
    const redoAll = fullRefresh || meta.models_basis !== basis;
    const ingest = await timer.time(
      'ingest',
      () =>
        ingestInbox(connection, plan, {
          runId,
          ctx,
          logger,
          staging: () => warehouse.connect(),
          checkAll: redoAll,
        }),
      (s) => s.rowsRead,
    );
    if (!options.allowRemoval) await checkRemoval(connection, coverageBefore, config.max_removed_share, plan);
    await failpoint('models');
    const touched = await runSqlFile<{ county_code: string }>(
      connection,
      new URL('./touched-counties.sql', import.meta.url),
    );
    const scope: ModelScope = redoAll ? { full: true } : { full: false, counties: touched.map((r) => r.county_code) };
    logger.info(scope.full ? 'models: every county' : `models: ${scope.counties.length} counties whose inputs changed`);
    await timer.time(
      'models',
      async () => {
        await computeMetrics(connection, standards, logger, scope);
        return countCommunityYears(connection);
      },
      (n) => n,
    );
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
    const gapMoves = await runSqlFile<GapMove>(connection, new URL('./gap-moves.sql', import.meta.url));
    const keptChanges = await runSqlFile(connection, new URL('./kept-changes.sql', import.meta.url));
    const changes = changesOf(plan, keptChanges, gapMoves);
    const { reuse, basis: shardBasis } = await planShardReuse(connection, {
      site: options.site,
      live,
      // The stored fingerprints describe the shards of the last version loaded, published or not.
      published: meta.fingerprint_version ?? meta.published_version,
      previousBasis: meta.shard_basis,
      settings,
      registry: meta.registry_version,
      fullRefresh,
    });
    await writeMeta(connection, {
      synthetic: String(synthetic),
      settings_hash: settings,
      loaded_version: version,
      skipped_hash: skippedHash,
      fingerprint_version: version,
      shard_basis: shardBasis,
      models_basis: basis,
    });
    await connection.run('commit');
    inTransaction = false;
    salt.keep();

    let log = '';
    const published = timer.begin('publish');
    await publishVersion(
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
        const [facts] = await runSqlFile<VersionFacts>(
          connection,
          new URL('../publish/version-manifest.sql', import.meta.url),
        );
        published(shards.files);
        await recordRun(connection, runId, { status: 'published', exitCode: 0, ingest, version, changes });
        await recordTests(connection, runId, tests);
        await timer.store(connection, runId);
        log = await runLogText(connection, now, config.freshness_warn_days);
        await writeFile(join(dir, 'runs.json'), log);
        await writeVersionManifest(dir, {
          version,
          generated_at: now.toISOString(),
          synthetic,
          ...facts!,
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
    );
    // Recorded only now, so the warehouse never names a version that did not go live.
    await writeMeta(connection, { published_version: version }).catch((error: unknown) =>
      logger.warn(`version ${version} is live but the warehouse could not record it: ${(error as Error).message}`),
    );
    // The live log is the version's own snapshot until the next run.
    await logRuns(async () => log);
    const pruned = await pruneVersions(options.site, config.keep_versions);
    if (pruned.length > 0) logger.info(`removed old versions: ${pruned.join(', ')}`);
    return { runId, version, synthetic, noop: false, skipped: plan.skipped, ingest, tests, changes };
  } catch (caught) {
    const error = plainError(caught, options.warehouse);
    try {
      if (inTransaction) await connection.run('rollback');
      const code = error instanceof CliError ? error.exitCode : 1;
      // runs.json is published: a bug's own text (which may quote data) stays in the operator's log.
      const message =
        error instanceof CliError
          ? error.message
          : `unexpected error (${(error as Error).name}): the details are in the log of the run`;
      await recordRun(connection, runId, { status: 'failed', exitCode: code, message });
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

/** How a run ended, as its run-log row records it. */
interface RunOutcome {
  status: 'unchanged' | 'published' | 'failed';
  exitCode: number;
  message?: string;
  ingest?: IngestSummary;
  /** The version it published, or the live one an unchanged run left in place. */
  version?: string;
  changes?: RunChanges;
}

async function recordRun(connection: DuckDBConnection, runId: string, outcome: RunOutcome): Promise<void> {
  const { status, ingest, version, changes } = outcome;
  await runSqlFile(connection, new URL('./record-run.sql', import.meta.url), {
    params: {
      run_id: runId,
      status,
      exit_code: outcome.exitCode,
      message: outcome.message ?? null,
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
    await runSqlFile(connection, new URL('./record-test.sql', import.meta.url), {
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
