import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowsFromArrow } from '../../../dashboard/data/rows-from-arrow.ts';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { arrowFromQuery, writeArrowShards } from '../../../pipeline/publish/arrow-from-query.ts';
import { tempDir } from '../../helpers/fixtures.ts';

describe('Arrow shards', () => {
  it('read back as the query returned them: text, integers, doubles, booleans and nulls in every column', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const { bytes, rows } = await arrowFromQuery(
        connection,
        `select * from (values
           ('610202', '王益区', 2019, 0.125, true, 3::bigint),
           ('610204', null, null, -1.5, false, null),
           ('610202', '王益区', 2020, null, null, 9007199254740991::bigint),
           (null, '', 0, 0.0, true, 0::bigint)
         ) t(code, name, year, diff, suppressed, n)`,
      );
      expect(rows).toBe(4);
      const table = tableFromIPC(bytes);
      // As the dashboard reads them (flechette), not only as the writer's own library does.
      expect(rowsFromArrow(bytes)).toEqual([
        { code: '610202', name: '王益区', year: 2019, diff: 0.125, suppressed: true, n: 3 },
        { code: '610204', name: null, year: null, diff: -1.5, suppressed: false, n: null },
        { code: '610202', name: '王益区', year: 2020, diff: null, suppressed: null, n: 9007199254740991 },
        { code: null, name: '', year: 0, diff: 0, suppressed: true, n: 0 },
      ]);
      // Repeated text is stored once per file.
      expect(String(table.schema.fields.find((f) => f.name === 'name')!.type)).toContain('Dictionary');
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('gives the same bytes for the same rows, whatever the process encoded before', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const sql = "select * from (values ('610202', '城镇', 1.5), ('610204', '农村', null)) t(code, grp, v)";
      const first = (await arrowFromQuery(connection, sql)).bytes;
      await arrowFromQuery(connection, "select 'x' as a, 'y' as b, 'z' as c");
      const again = (await arrowFromQuery(connection, sql)).bytes;
      expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('writes each shard with the same bytes as the query of that shard alone, long and empty text included', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const dir = tempDir('cb-arrow-shards-');
    try {
      // 5,000 rows over 3 shards, so shards cross DuckDB's 2,048-row chunks; names over 12 bytes are
      // stored out of line by DuckDB, an empty string and nulls are their own cases.
      await connection.run(`create table t as
        select ['610202', '610204', '6102'][i % 3 + 1] as shard,
          case i % 4 when 0 then '王益区城关街道办事处' when 1 then '' when 2 then null else 'x' || (i % 7) end as name,
          null::varchar as nothing, (i % 5)::integer as year, case when i % 6 = 0 then null else i / 8 end as value,
          i % 2 = 0 as flag, (i * 1000003)::bigint as n
        from range(5000) r(i)`);
      const sql = 'select * from t order by shard, n';
      const out = await writeArrowShards(connection, sql, (shard) => join(dir, `${shard}.arrow`), ['610202', '9999']);
      expect(out.files).toBe(4);
      expect(readdirSync(dir).sort()).toEqual(['6102.arrow', '610202.arrow', '610204.arrow', '9999.arrow']);
      for (const shard of ['6102', '610202', '610204', '9999']) {
        const alone = await arrowFromQuery(
          connection,
          'select * exclude (shard) from t where shard = $shard order by n',
          { shard },
        );
        expect(Buffer.from(readFileSync(join(dir, `${shard}.arrow`))).equals(Buffer.from(alone.bytes))).toBe(true);
      }
      expect(tableFromIPC(readFileSync(join(dir, '610204.arrow'))).numRows).toBe(1667);
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
