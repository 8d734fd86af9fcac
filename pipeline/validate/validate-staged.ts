import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier as q } from '../db/quote-identifier.ts';
import { runSql, runSqlFile, sqlText } from '../db/run-sql-file.ts';
import { copyToFile } from '../db/copy-to-file.ts';
import type { DatasetSpec } from '../schema/column.ts';
import { DATASETS } from '../schema/datasets.ts';
import { stageMapDdl, stageMapTable, stagedRowsSql } from './staged-rows-sql.ts';

/** Rows read and quarantined by the row checks, per file. */
export type RowCounts = Map<number, { rowsRead: number; rowsQuarantined: number }>;

// Written once and read once: compression would cost more than the bytes it saves.
const PARQUET = 'format parquet, compression uncompressed';

/** Creates the temp staging tables and the cell-parsing macros of one ingest. */
export async function createStaging(connection: DuckDBConnection): Promise<void> {
  await runSqlFile(connection, new URL('./cell-macros.sql', import.meta.url));
  await runSql(connection, 'create or replace temp table personal_hash (value varchar, hash varchar)');
  await resetStaging(connection);
}

/** Empties the staging by making its tables anew: dropping frees their memory, deleting does not. */
async function resetStaging(connection: DuckDBConnection): Promise<void> {
  await runSqlFile(connection, new URL('../ingest/stage-tables.sql', import.meta.url));
  for (const spec of DATASETS) await runSql(connection, stageMapDdl(spec));
}

/**
 * Hashes the personal cells staged so far, once per distinct value, in one pass: the hash is the
 * run's keyed hash, which SQL does not have, and the raw values stay in temp tables only.
 */
async function hashPersonal(
  connection: DuckDBConnection,
  spec: DatasetSpec,
  hash: (value: string) => string,
): Promise<void> {
  for (const column of spec.columns.filter((c) => c.personal)) {
    const cell = `r.cells[m.${q(`i_${column.name}`)}]`;
    const values = await runSql<{ value: string }>(
      connection,
      `select distinct value from (
         select nullif(cb_fold(${cell}), '') as value from stage_row r join ${q(stageMapTable(spec))} m
           on m.file_id = r.file_id and m.sheet is not distinct from r.sheet
         union all
         select cb_trim(${cell}) from stage_row r join ${q(stageMapTable(spec))} m
           on m.file_id = r.file_id and m.sheet is not distinct from r.sheet
         where coalesce(${cell}, '') <> ''
       ) v
       where value is not null and not exists (select 1 from personal_hash h where h.value = v.value)`,
    );
    if (values.length === 0) continue;
    const appender = await connection.createAppender('personal_hash');
    for (const { value } of values) {
      appender.appendVarchar(value);
      appender.appendVarchar(hash(value));
      appender.endRow();
    }
    appender.closeSync();
  }
}

/** Where checked rows go: the warehouse connection whose transaction takes them, and a private folder for the hand-over. */
export interface CheckedSink {
  warehouse: DuckDBConnection;
  folder: string;
}

let batches = 0;

/**
 * Checks every staged row of every dataset in SQL on the staging connection, moves kept rows into the
 * raw tables and the others into quarantine_parse on the warehouse connection, starts the staging
 * afresh, and adds the per-file counts to `counts`.
 *
 * The staging lives on its own connection, outside the warehouse's transaction, because DuckDB frees
 * a temp table's memory only when the table is dropped, and inside a transaction not even then (as
 * measured: deleted rows keep theirs in any case): inside the run's one transaction, every staged cell
 * of a national inbox stayed in memory or in the spill folder to the end of the run. The checked rows cross over as Parquet files, since the
 * warehouse connection cannot see the staging connection's temp tables.
 */
export async function validateStaged(
  staging: DuckDBConnection,
  ctx: { currentYear: number; today: string; hashPersonal(value: string): string },
  counts: RowCounts,
  sink: CheckedSink,
): Promise<void> {
  for (const spec of DATASETS) {
    const [{ n }] = (await runSql(staging, `select count(*)::integer as n from ${q(stageMapTable(spec))}`)) as [
      { n: number },
    ];
    if (n === 0) continue;
    await hashPersonal(staging, spec, ctx.hashPersonal);
    const { sql, params } = stagedRowsSql(spec, ctx);
    await runSql(staging, sql, params);
    const identifiers = { columns: spec.columns.map((c) => c.name), key: [...spec.key] };
    const batch = batches++;
    const kept = join(sink.folder, `kept-${batch}.parquet`);
    const quarantined = join(sink.folder, `quarantined-${batch}.parquet`);
    const select = (name: string) => sqlText(new URL(name, import.meta.url), identifiers);
    await copyToFile(staging, select('./checked-kept.sql'), kept, PARQUET);
    await copyToFile(staging, select('./checked-quarantined.sql'), quarantined, PARQUET);
    const perFile = await runSqlFile<{ file_id: number; rows_read: number; rows_quarantined: number }>(
      staging,
      new URL('./checked-counts.sql', import.meta.url),
    );
    try {
      await runSqlFile(sink.warehouse, new URL('./insert-checked.sql', import.meta.url), {
        identifiers: { raw: `raw_${spec.name}` },
        params: { dataset: spec.name, kept, quarantined },
      });
    } finally {
      rmSync(kept, { force: true });
      rmSync(quarantined, { force: true });
    }
    for (const f of perFile) {
      const c = counts.get(f.file_id) ?? { rowsRead: 0, rowsQuarantined: 0 };
      c.rowsRead += f.rows_read;
      c.rowsQuarantined += f.rows_quarantined;
      counts.set(f.file_id, c);
    }
    await runSql(staging, 'drop table checked');
  }
  await resetStaging(staging);
}
