import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowsFromTable } from '../../../dashboard/data/rows-from-table.ts';
import { arrowFromQuery } from '../../../pipeline/publish/arrow-from-query.ts';

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
      expect(rowsFromTable(table)).toEqual([
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
});
