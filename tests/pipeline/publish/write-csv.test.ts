import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { copyToFile } from '../../../pipeline/db/copy-to-file.ts';
import { writeCsv } from '../../../pipeline/publish/write-csv.ts';
import { runPipeline } from '../../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';
import { referenceWriteCsv } from './reference-write-csv.ts';

/** Both writers over one query: the COPY file's bytes and the reference's. */
async function both(connection: DuckDBConnection, sql: string, dir: string, name: string) {
  const copy = join(dir, `${name}.copy.csv`);
  const reference = join(dir, `${name}.reference.csv`);
  const n = await writeCsv(connection, sql, copy);
  expect(n).toBe(await referenceWriteCsv(connection, sql, reference));
  return { copy: readFileSync(copy), reference: readFileSync(reference), n };
}

describe('CSV downloads written by DuckDB COPY', () => {
  const dir = tempDir('cb-write-csv-');
  let warehouse: Warehouse;

  beforeAll(async () => {
    await runPipeline({
      // Every kind of bad row beside good ones, so the quarantine report has rows too.
      inbox: fixture('inbox-mixed'),
      warehouse: join(dir, 'warehouse.duckdb'),
      site: join(dir, 'site'),
      config: fixture('pipeline-lenient.json'),
      now: FIXTURE_NOW,
      logger: memoryLogger(),
    });
    warehouse = await openWarehouse(join(dir, 'warehouse.duckdb'));
  });
  afterAll(() => warehouse?.close());

  it('writes text cells as the JavaScript writer did: formulas neutralised, quoting, BOM and CRLF', async () => {
    const sql = `select * from (values
      (1, '=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'),
      (2, 'a,b', 'say "hi"', e'two\\nlines', e'cr\\ronly'),
      (3, e'\\tTab', ' lead space', '', null),
      (4, '王益区', '1,5', '''quoted', '-')
    ) t(k, "=odd name", b, "c,d", e) order by k`;
    const { copy, reference } = await both(warehouse.connection, sql, dir, 'text');
    expect(copy.toString('utf8')).toBe(reference.toString('utf8'));
    expect(copy.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(copy.toString('utf8')).toContain(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`);
  });

  it('writes numbers, booleans and dates as the JavaScript writer did', async () => {
    const values = [0, -0, 80, -0.25, 72.5, 0.1 + 0.2, 1 / 3, 1e-7, -1.5e-7, 1e-6, 0.00012, 1e15, 1e16, 2 ** 60];
    values.push(1e21, 1.5e21, 1e300, 5e-324, 123456789012345.6, Number.NaN, Number.POSITIVE_INFINITY);
    for (let i = 0; i < 3000; i++) values.push((i % 2 ? -1 : 1) * Math.sin(i) * 10 ** ((i % 45) - 22));
    await runSql(warehouse.connection, 'create or replace table nums (k integer, x double)');
    const appender = await warehouse.connection.createAppender('nums');
    values.forEach((x, k) => {
      appender.appendInteger(k);
      appender.appendDouble(x);
      appender.endRow();
    });
    appender.closeSync();
    const sql = `select k, x, case when abs(x) < 1e30 then x::float end as f, (k * 7)::bigint as big, (k / 8)::decimal(9, 3) as dec,
      k % 3 = 0 as flag, date '2020-02-29' + k as day, case when k % 5 = 0 then null else x end as holes
      from nums order by k`;
    const { copy, reference, n } = await both(warehouse.connection, sql, dir, 'numbers');
    expect(n).toBe(values.length);
    expect(copy.toString('utf8')).toBe(reference.toString('utf8'));
  });

  it('writes every download and the quarantine report byte for byte as before', async () => {
    const queries: [string, URL][] = [
      ['gaps', new URL('../../../pipeline/publish/downloads/gaps.sql', import.meta.url)],
      ['group-values', new URL('../../../pipeline/publish/downloads/group-values.sql', import.meta.url)],
      ['compliance', new URL('../../../pipeline/publish/downloads/compliance.sql', import.meta.url)],
      ['quarantine', new URL('../../../pipeline/run/quarantine-report.sql', import.meta.url)],
    ];
    for (const [name, file] of queries) {
      const { copy, reference, n } = await both(warehouse.connection, await readFile(file, 'utf8'), dir, name);
      expect(n, name).toBeGreaterThan(0);
      expect(copy.equals(reference), name).toBe(true);
    }
  });

  it('reports a full disk by its errno code, as Node does', async () => {
    await expect(
      copyToFile(warehouse.connection, 'select 1', '/proc/no-such-dir/x.csv', 'format csv'),
    ).rejects.toThrow();
    const full = copyToFile(warehouse.connection, 'select 1', '/dev/full', 'format csv');
    await expect(full).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});
