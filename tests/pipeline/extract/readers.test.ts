import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { readDelimited } from '../../../pipeline/ingest/read-delimited.ts';
import { readJson, readJsonLines } from '../../../pipeline/ingest/read-json.ts';
import { readParquet } from '../../../pipeline/ingest/read-parquet.ts';
import { readXlsx } from '../../../pipeline/ingest/read-xlsx.ts';
import { tempDir } from '../../helpers/fixtures.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readDelimited', () => {
  it('reads CRLF CSV with a BOM, numbering rows as lines of the file', () => {
    const result = readDelimited(utf8('\ufeffa,b\r\n1,"x, y"\r\n2,z\r\n'), 'f.csv', 'csv');
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.tables[0]!.rows).toEqual([
      { number: 1, cells: ['a', 'b'] },
      { number: 2, cells: ['1', 'x, y'] },
      { number: 3, cells: ['2', 'z'] },
    ]);
  });
  it('counts lines inside quoted fields so later row numbers stay true', () => {
    const rows = readDelimited(utf8('a,b\n1,"two\nlines"\n2,z\n'), 'f.csv', 'csv').tables[0]!.rows;
    expect(rows.map((r) => r.number)).toEqual([1, 2, 4]);
  });
  it('reads TSV, and a .csv that is really tab-separated', () => {
    expect(readDelimited(utf8('a\tb\n1\t2\n'), 'f.tsv', 'tsv').tables[0]!.rows[1]!.cells).toEqual(['1', '2']);
    expect(readDelimited(utf8('a\tb\n1\t2\n'), 'f.csv', 'csv').tables[0]!.rows[1]!.cells).toEqual(['1', '2']);
  });
});

describe('readJson and readJsonLines', () => {
  it('tabulates an array of objects over the union of their keys', () => {
    const table = readJson(utf8('[{"a":1,"b":"x"},{"b":"y","c":true}]'), 'f.json').tables[0]!;
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      { number: 1, cells: [1, 'x'] },
      { number: 2, cells: [undefined, 'y', true] },
    ]);
  });
  it('numbers JSON Lines records by line and marks a broken line with its column and kind only', () => {
    expect(readJsonLines(utf8('{"a":1}\n\n{"a":2}\n'), 'f.jsonl').tables[0]!.rows.map((r) => r.number)).toEqual([1, 3]);
    const [, broken] = readJsonLines(utf8('{"a":1}\n{"LH2021003", oops\n'), 'f.jsonl').tables[0]!.rows;
    expect(broken).toEqual({
      number: 2,
      cells: [],
      problem: {
        rule: 'invalid_json',
        reason: 'line 2 is not valid JSON at column 13: a missing colon after a name',
      },
    });
  });
  it('names the line, column and kind of a fault in a JSON array, never the parser text', () => {
    expect(() => readJson(utf8('[{"a":1},\n{"id":"LH2021003,"b":2}]'), 'f.json')).toThrow(
      /^invalid JSON: f\.json: line 2, column \d+: a missing comma or closing brace$/,
    );
  });
  it('refuses JSON that is not an array of objects', () => {
    expect(() => readJson(utf8('{"a":1}'), 'f.json')).toThrow('not a JSON array of objects: f.json');
  });
});

describe('readXlsx', () => {
  it('reads every sheet with its own row numbers, codes typed as numbers and date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('2019');
    first.addRow(['title']);
    first.addRow(['code', 'hired']);
    first.addRow([610202005002, new Date(Date.UTC(2019, 0, 1))]);
    first.addRow([{ richText: [{ text: '6102' }, { text: '02005003' }] }, { formula: 'A1', result: 43466 }]);
    workbook.addWorksheet('notes').addRow(['n']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readXlsx(bytes, 'f.xlsx');
    expect(result.tables.map((t) => t.sheet)).toEqual(['2019', 'notes']);
    expect(result.tables[0]!.rows).toEqual([
      { number: 1, cells: ['title'] },
      { number: 2, cells: ['code', 'hired'] },
      { number: 3, cells: [610202005002, new Date(Date.UTC(2019, 0, 1))] },
      { number: 4, cells: ['610202005003', 43466] },
    ]);
  });
  it('names the file when the workbook is corrupt, or not a workbook at all', async () => {
    await expect(readXlsx(utf8('PK\u0003\u0004 not really'), 'bad.xlsx')).rejects.toThrow(
      'damaged Excel workbook: bad.xlsx is a zip archive that does not hold a readable workbook',
    );
    await expect(readXlsx(utf8('a,b\n1,2\n'), 'csv.xlsx')).rejects.toThrow(
      'not a valid Excel workbook: csv.xlsx is not a zip archive',
    );
  });
});

describe('readParquet', () => {
  let warehouse: Warehouse;
  const dir = tempDir('cb-parquet-');
  beforeAll(async () => {
    warehouse = await openWarehouse(':memory:');
  });
  afterAll(() => warehouse.close());
  it('reads the columns by name, numbers typed as numbers', async () => {
    const path = fileURLToPath(new URL('../../fixtures/inbox-mixed/wages/wages_2018.parquet', import.meta.url));
    const result = await readParquet(warehouse.connection, path, 'wages/wages_2018.parquet');
    expect(result.tables[0]!.header).toEqual(['县级代码', '年份', '城镇非私营单位在岗职工年平均工资']);
    expect(result.tables[0]!.rows[0]).toEqual({ number: 1, cells: [610202, 2018, 60000] });
  });
  it('names the file when it is not Parquet', async () => {
    const path = join(dir, 'bad.parquet');
    writeFileSync(path, 'nope');
    await expect(readParquet(warehouse.connection, path, 'wages/bad.parquet')).rejects.toThrow(
      'cannot read Parquet file: wages/bad.parquet',
    );
  });
});
