import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier as q } from '../db/quote-identifier.ts';
import { runSql, runSqlFile } from '../db/run-sql-file.ts';
import type { DatasetSpec } from '../schema/column.ts';
import { DATASETS } from '../schema/datasets.ts';
import { stageMapDdl, stageMapTable, stagedRowsSql } from './staged-rows-sql.ts';

/** Rows read and quarantined by the row checks, per file. */
export type RowCounts = Map<number, { rowsRead: number; rowsQuarantined: number }>;

/** Creates the temp staging tables and the cell-parsing macros of one ingest. */
export async function createStaging(connection: DuckDBConnection): Promise<void> {
  await runSqlFile(connection, new URL('./cell-macros.sql', import.meta.url));
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

/**
 * Checks every staged row of every dataset in SQL, appends kept rows to the raw tables and the others
 * to quarantine_parse, empties the staging, and adds the per-file counts to `counts`.
 */
export async function validateStaged(
  connection: DuckDBConnection,
  ctx: { currentYear: number; today: string; hashPersonal(value: string): string },
  counts: RowCounts,
): Promise<void> {
  for (const spec of DATASETS) {
    const [{ n }] = (await runSql(connection, `select count(*)::integer as n from ${q(stageMapTable(spec))}`)) as [
      { n: number },
    ];
    if (n === 0) continue;
    await hashPersonal(connection, spec, ctx.hashPersonal);
    const { sql, params } = stagedRowsSql(spec, ctx);
    await runSql(connection, sql, params);
    const perFile = await runSqlFile<{ file_id: number; rows_read: number; rows_quarantined: number }>(
      connection,
      new URL('./insert-checked.sql', import.meta.url),
      {
        identifiers: { raw: `raw_${spec.name}`, columns: spec.columns.map((c) => c.name), key: [...spec.key] },
        params: { dataset: spec.name },
      },
    );
    for (const f of perFile) {
      const c = counts.get(f.file_id) ?? { rowsRead: 0, rowsQuarantined: 0 };
      c.rowsRead += f.rows_read;
      c.rowsQuarantined += f.rows_quarantined;
      counts.set(f.file_id, c);
    }
    await runSql(
      connection,
      `delete from stage_row where file_id in (select file_id from ${q(stageMapTable(spec))}); delete from ${q(stageMapTable(spec))}; drop table checked`,
    );
  }
}
