import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { SkippedPath } from '../../contract/published-types.ts';
import { CliError } from '../cli-error.ts';
import { runSql, runSqlFile } from '../db/run-sql-file.ts';
import type { InboxFile } from './list-inbox.ts';
import type { Logger } from '../logger.ts';
import { DATASETS } from '../schema/datasets.ts';
import { attachRawCells } from '../validate/attach-raw.ts';
import { loadFiles, recordFile, type FileLoad, type LoadFiles } from './load-file.ts';
import type { IngestPlan } from './plan-ingest.ts';
import type { RowContext } from '../validate/parse-row.ts';

/** One file's accounting after every check: rows read = rows kept + rows quarantined. */
export interface FileAccount {
  dataset: string;
  path: string;
  format: string;
  encoding: string | undefined;
  status: string;
  message: string | undefined;
  rowsRead: number;
  rowsKept: number;
  rowsMerged: number;
  rowsQuarantined: number;
  extraColumns: string[];
}

/** What ingesting an inbox did: per-file accounts, totals, and quarantine counts by rule. */
export interface IngestSummary {
  files: FileAccount[];
  /** Every path under the inbox that was not read, with why. */
  skipped: SkippedPath[];
  rowsRead: number;
  rowsKept: number;
  rowsQuarantined: number;
  quarantinedByRule: { dataset: string; rule: string; rows: number }[];
  warnings: number;
}

/**
 * Applies an ingest plan: forgets the rows of removed and changed files, loads new and changed
 * ones, then runs the whole-inbox checks and rebuilds the staged tables over every file. The caller
 * holds the transaction: a file that cannot be read throws, and rolling back leaves the warehouse
 * as it was.
 */
export async function ingestInbox(
  connection: DuckDBConnection,
  plan: IngestPlan,
  options: {
    runId: string;
    ctx: RowContext;
    logger: Logger;
    loadFiles?: LoadFiles;
    /** Opens a connection for staging rows outside the caller's transaction (see validateStaged). */
    staging?: () => Promise<DuckDBConnection>;
    /**
     * Whether the whole-inbox checks and the staged tables are redone over every row (the default).
     * When false, only the counties of the files forgotten or loaded now are; the caller asserts that
     * the rest was checked by this code against this registry (the models' basis is unchanged).
     */
    checkAll?: boolean;
  },
): Promise<IngestSummary> {
  const { runId, ctx, logger } = options;
  const all = options.checkAll ?? true;
  const forget = [...plan.removed, ...plan.replaced].map((f) => f.fileId);
  await runSqlFile(connection, new URL('./check-scope.sql', import.meta.url), {
    params: { file_ids: listValue(forget) },
  });
  if (forget.length > 0) {
    await runSqlFile(connection, new URL('./forget-files.sql', import.meta.url), {
      params: { file_ids: listValue(forget) },
    });
  }
  for (const f of plan.removed) logger.info(`${f.path}: removed from the inbox, its ${f.rows} rows forgotten`);
  const failures: string[] = [];
  const filesById = new Map<number, InboxFile>();
  let [{ id: fileId }] = (await runSqlFile(connection, new URL('./next-file-id.sql', import.meta.url))) as [
    { id: number },
  ];
  const toLoad: { file: InboxFile; fileId: number }[] = [];
  for (const file of plan.files) {
    if (file.status === 'unchanged') filesById.set(file.fileId!, file);
    else {
      filesById.set(++fileId, file);
      toLoad.push({ file, fileId });
    }
  }
  const firstId = toLoad[0]?.fileId ?? fileId + 1;
  const unchanged = plan.files.length - toLoad.length;
  const loads = await (options.loadFiles ?? loadFiles)(connection, toLoad, {
    ctx,
    logger,
    failures,
    staging: options.staging,
  });
  if (unchanged > 0) logger.info(`${unchanged} unchanged files kept as loaded`);
  if (failures.length > 0) {
    throw new CliError(
      `${failures.length} of ${plan.files.length} inbox files could not be read; nothing was loaded:\n  ${failures.join('\n  ')}`,
    );
  }
  for (const { file, fileId } of toLoad) {
    const load = loads.get(fileId)!;
    await recordFile(connection, file, load, { fileId, runId, ctx });
    logger.info(progressLine(file, load));
  }
  await runSqlFile(connection, new URL('./file-counties.sql', import.meta.url), {
    params: { all, first_id: firstId },
  });
  await runSqlFile(connection, new URL('./check-scope-loaded.sql', import.meta.url), {
    params: { first_id: firstId },
  });
  if (all) await runSqlFile(connection, new URL('../validate/row-check-table.sql', import.meta.url));
  for (const spec of DATASETS) {
    const wages = spec.name === 'wages';
    const code = wages ? 'county_code' : 'community_code';
    await runSqlFile(connection, new URL('../validate/check-rows.sql', import.meta.url), {
      identifiers: {
        raw: `raw_${spec.name}`,
        code,
        registry: wages ? 'registry_county' : 'registry_community',
      },
      params: { all, dataset: spec.name, code_column: code, key_columns: spec.key.join(', ') },
    });
    const stage = all ? '../models/staging/stage.sql' : '../models/staging/restage-counties.sql';
    await runSqlFile(connection, new URL(stage, import.meta.url), {
      identifiers: { raw: `raw_${spec.name}`, stg: `stg_${spec.name}`, code },
      params: { dataset: spec.name },
    });
  }
  await attachRawCells(connection, filesById, ctx);
  await runSqlFile(connection, new URL('../validate/quarantine.sql', import.meta.url));
  return summarize(connection, plan.skipped);
}

function progressLine(file: InboxFile, load: FileLoad): string {
  const encoding = load.encoding ? `, ${load.encoding}` : '';
  const note = load.message ? ` — ${load.message}` : '';
  const extras = load.extraColumns.length ? ` — extra columns kept aside: ${load.extraColumns.join(', ')}` : '';
  return `${file.name} (${load.format}${encoding}): ${load.rowsRead} rows read, ${load.rowsParseQuarantined} failed row checks${note}${extras}`;
}

async function summarize(connection: DuckDBConnection, skipped: IngestSummary['skipped']): Promise<IngestSummary> {
  const files = await runSqlFile(connection, new URL('../validate/file-accounts.sql', import.meta.url));
  const byRule = await runSql(
    connection,
    'select dataset, rule, count(*)::integer as rows from quarantine group by all order by rows desc, dataset, rule',
  );
  const [warnings] = await runSql(connection, 'select count(*)::integer as n from row_warning');
  const accounts: FileAccount[] = files.map((f) => ({
    dataset: f.dataset as string,
    path: f.path as string,
    format: f.format as string,
    encoding: (f.encoding as string | null) ?? undefined,
    status: f.status as string,
    message: (f.message as string | null) ?? undefined,
    rowsRead: Number(f.rows_read),
    rowsKept: Number(f.rows_kept),
    rowsMerged: Number(f.rows_merged),
    rowsQuarantined: Number(f.rows_quarantined),
    extraColumns: JSON.parse(f.extra_columns as string) as string[],
  }));
  const sum = (k: 'rowsRead' | 'rowsKept' | 'rowsQuarantined') => accounts.reduce((s, a) => s + a[k], 0);
  return {
    files: accounts,
    skipped,
    rowsRead: sum('rowsRead'),
    rowsKept: sum('rowsKept'),
    rowsQuarantined: sum('rowsQuarantined'),
    quarantinedByRule: byRule.map((r) => ({
      dataset: r.dataset as string,
      rule: r.rule as string,
      rows: r.rows as number,
    })),
    warnings: warnings?.n as number,
  };
}
