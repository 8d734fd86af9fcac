import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline, type PipelineResult } from '../../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

// tests/fixtures/inbox-mixed holds every kind of bad input of issue 2 beside good rows; each
// expectation below is worked out from the fixture files by hand (see tests/fixtures/make-fixtures.ts).
describe('ingesting the mixed fixture inbox', () => {
  const dir = tempDir('cb-ingest-');
  const warehousePath = join(dir, 'warehouse.duckdb');
  const logger = memoryLogger();
  let result: PipelineResult;
  let warehouse: Warehouse;
  const rows = (sql: string) => runSql(warehouse.connection, sql);

  beforeAll(async () => {
    result = await runPipeline({
      inbox: fixture('inbox-mixed'),
      warehouse: warehousePath,
      site: join(dir, 'site'),
      now: FIXTURE_NOW,
      config: fixture('pipeline-lenient.json'),
      logger,
    });
    warehouse = await openWarehouse(warehousePath);
  });
  afterAll(() => warehouse?.close());

  it('accounts for every row of every file: read = kept + quarantined', () => {
    const byFile = Object.fromEntries(
      result.ingest!.files.map((f) => [f.path, [f.rowsRead, f.rowsKept, f.rowsQuarantined, f.rowsMerged]]),
    );
    expect(byFile).toEqual({
      'communities/empty.csv': [0, 0, 0, 0],
      'communities/tongchuan_2019.csv': [10, 3, 7, 0],
      'communities/wangcang_2016_gbk.csv': [3, 2, 1, 0],
      'communities/yizheng_2019.xlsx': [4, 3, 1, 1],
      'facilities/tongchuan_2019.jsonl': [6, 3, 3, 0],
      'facilities/yizheng_2019.json': [1, 1, 0, 0],
      'funding/tongchuan_2019.csv': [3, 2, 1, 0],
      'funding/yaozhou_2019_gbk.csv': [3, 3, 0, 1],
      'staff/roster_2019.xlsx': [6, 2, 4, 0],
      'staff/roster_extra.csv': [2, 1, 1, 0],
      'wages/wages_2018.parquet': [3, 2, 1, 0],
    });
    expect([result.ingest!.rowsRead, result.ingest!.rowsKept, result.ingest!.rowsQuarantined]).toEqual([41, 22, 19]);
  });

  it('stages exactly the kept rows, identical duplicates once', async () => {
    const [counts] = await rows(`select
      (select count(*) from stg_communities)::integer as communities,
      (select count(*) from stg_facilities)::integer as facilities,
      (select count(*) from stg_staff)::integer as staff,
      (select count(*) from stg_funding)::integer as funding,
      (select count(*) from stg_wages)::integer as wages,
      (select count(*) from quarantine)::integer as quarantined`);
    // kept minus merged: communities 3+2+3-1, funding 2+3-1
    expect(counts).toEqual({ communities: 7, facilities: 4, staff: 3, funding: 4, wages: 2, quarantined: 19 });
  });

  it('quarantines each bad row with its file, row, column as written, and reason (a roster row: without its value)', async () => {
    const q = await rows(`select file, row_number::integer as row, column_name, rule, reason from quarantine
      where rule not in ('conflicting_duplicate') order by file, row`);
    expect(q).toEqual([
      {
        file: 'communities/tongchuan_2019.csv',
        row: 5,
        column_name: '社区代码',
        rule: 'bad_code',
        reason: '社区代码: code must have 12 digits, has 11: 61020200500',
      },
      {
        file: 'communities/tongchuan_2019.csv',
        row: 6,
        column_name: '社区代码',
        rule: 'unknown_county',
        reason: 'unknown county: 999999 (code 999999001001)',
      },
      {
        file: 'communities/tongchuan_2019.csv',
        row: 8,
        column_name: '社区代码',
        rule: 'not_in_registry',
        reason: 'community not in the registry and not named in any communities row: 610202005151',
      },
      {
        file: 'communities/tongchuan_2019.csv',
        row: 9,
        column_name: '年份',
        rule: 'future_year',
        reason: '年份: year in the future: 2031',
      },
      {
        file: 'communities/tongchuan_2019.csv',
        row: 10,
        column_name: '户数',
        rule: 'negative',
        reason: '户数: must be at least 0: -5',
      },
      {
        file: 'communities/tongchuan_2019.csv',
        row: 11,
        column_name: '户数',
        rule: 'missing_value',
        reason: '户数: missing value',
      },
      {
        file: 'communities/wangcang_2016_gbk.csv',
        row: 4,
        column_name: '总户数',
        rule: 'not_a_number',
        reason: '总户数: not a number: abc',
      },
      {
        file: 'facilities/tongchuan_2019.jsonl',
        row: 3,
        column_name: '面积(平方米)',
        rule: 'missing_value',
        reason: '面积(平方米): missing value: required when a service centre is present',
      },
      {
        file: 'facilities/tongchuan_2019.jsonl',
        row: 4,
        column_name: '设施类型',
        rule: 'unknown_value',
        reason: expect.stringMatching(/^设施类型: unknown value: 游泳池 \(accepted: service_center/),
      },
      {
        file: 'facilities/tongchuan_2019.jsonl',
        row: 5,
        column_name: '社区代码',
        rule: 'not_in_registry',
        reason: 'community not in the registry and not named in any communities row: 610202005151',
      },
      {
        file: 'funding/tongchuan_2019.csv',
        row: 4,
        column_name: '金额(万元)',
        rule: 'negative',
        reason: '金额(万元): must be at least 0: -2',
      },
      {
        file: 'staff/roster_2019.xlsx',
        row: 4,
        column_name: '离职日期',
        rule: 'left_before_hired',
        reason: '离职日期: left before hired',
      },
      {
        file: 'staff/roster_2019.xlsx',
        row: 6,
        column_name: '岗位',
        rule: 'unknown_value',
        reason: '岗位: unknown value',
      },
      {
        file: 'staff/roster_extra.csv',
        row: 3,
        column_name: 'Hired On',
        rule: 'future_date',
        reason: 'Hired On: date in the future',
      },
      {
        file: 'wages/wages_2018.parquet',
        row: 3,
        column_name: '县级代码',
        rule: 'unknown_county',
        reason: 'unknown county: 999999 (code 999999)',
      },
    ]);
  });

  it('quarantines all rows of a conflicting duplicate key across two files, naming both places', async () => {
    const q = await rows(`select file, row_number::integer as row, reason from quarantine
      where rule = 'conflicting_duplicate' and dataset = 'communities' order by file`);
    const places = 'communities/tongchuan_2019.csv row 3; communities/yizheng_2019.xlsx [2019年] row 5';
    expect(q).toEqual([
      {
        file: 'communities/tongchuan_2019.csv',
        row: 3,
        reason: `conflicting rows for the same community_code, year: ${places}`,
      },
      {
        file: 'communities/yizheng_2019.xlsx',
        row: 5,
        reason: `conflicting rows for the same community_code, year: ${places}`,
      },
    ]);
  });

  it('keeps identical duplicates once with a warning, 4.5 万元 equal to 45000 元', async () => {
    const w = await rows(
      `select file, row_number::integer as row, rule from row_warning where rule = 'identical_duplicate' order by file`,
    );
    expect(w).toEqual([
      { file: 'communities/yizheng_2019.xlsx', row: 6, rule: 'identical_duplicate' },
      { file: 'funding/yaozhou_2019_gbk.csv', row: 4, rule: 'identical_duplicate' },
    ]);
    const [work] = await rows(
      `select amount from stg_funding where community_code = '610202005002' and category = 'work'`,
    );
    expect(work).toEqual({ amount: 45000 });
  });

  it('accepts a community outside the registry under its reported name, with a warning', async () => {
    const [c] = await rows(`select name, urban_rural from stg_communities where community_code = '610202005150'`);
    expect(c).toEqual({ name: '新建社区', urban_rural: 'urban' });
    const w = await rows(`select file from row_warning where rule = 'outside_registry' order by file`);
    expect(w.map((r) => r.file)).toEqual(['communities/tongchuan_2019.csv', 'facilities/tongchuan_2019.jsonl']);
  });

  it('converts 万元 in a header to yuan, and a unit column row by row', async () => {
    const f = await rows(
      `select community_code, source, category, amount from stg_funding order by community_code, source`,
    );
    expect(f).toEqual([
      { community_code: '610202005002', source: 'city', category: 'service', amount: 100000 },
      { community_code: '610202005002', source: 'county', category: 'work', amount: 45000 },
      { community_code: '610204101205', source: 'county', category: 'work', amount: 30000 },
      { community_code: '610204101205', source: 'province_central', category: 'construction', amount: 50000 },
    ]);
  });

  it('reads XLSX codes typed as numbers and Excel serial dates', async () => {
    const s = await rows(`select community_code, role, strftime(hired_on, '%Y-%m-%d') as hired_on,
      strftime(left_on, '%Y-%m-%d') as left_on from stg_staff where role = 'full_time'`);
    expect(s).toEqual([
      { community_code: '610202005002', role: 'full_time', hired_on: '2019-01-01', left_on: '2019-12-31' },
    ]);
    const [c] = await rows(
      `select has_industry, households from stg_communities where community_code = '321081100001'`,
    );
    expect(c).toEqual({ has_industry: false, households: 2500 });
  });

  it('reads the GBK file with Chinese headers and the BOM/CRLF file', async () => {
    const files = Object.fromEntries(result.ingest!.files.map((f) => [f.path, f.encoding]));
    expect(files['communities/wangcang_2016_gbk.csv']).toBe('gb18030');
    expect(files['communities/tongchuan_2019.csv']).toBe('utf-8-bom');
    const [c] = await rows(
      `select name, has_industry, households from stg_communities where community_code = '510821100001'`,
    );
    expect(c).toEqual({ name: '卸甲碥社区', has_industry: false, households: 1200 });
  });

  it('reports an empty file, a sheet without the header and extra columns instead of failing', () => {
    const byPath = Object.fromEntries(result.ingest!.files.map((f) => [f.path, f]));
    expect(byPath['communities/empty.csv']).toMatchObject({
      status: 'empty',
      message: 'empty file: no header and no rows',
    });
    expect(byPath['communities/yizheng_2019.xlsx']!.message).toBe(
      'sheets without the communities header, not read: 说明',
    );
    expect(byPath['communities/tongchuan_2019.csv']!.extraColumns).toEqual(['备注']);
    expect(logger.lines).toContain(
      'communities/tongchuan_2019.csv (csv, utf-8-bom): 10 rows read, 4 failed row checks — extra columns kept aside: 备注',
    );
  });

  it('keeps the raw cells of quarantined rows, extra columns included', async () => {
    const [q] = await rows(
      `select raw from quarantine where file = 'communities/tongchuan_2019.csv' and row_number = 5`,
    );
    expect(JSON.parse(q!.raw as string)).toEqual({
      社区代码: '61020200500',
      年份: '2019',
      社区名称: '短码社区',
      城乡类型: '',
      产业支撑: '',
      户数: '100',
      人口: '300',
      满意度: '',
      备注: 'eleven digits',
    });
  });

  it('keeps the raw cells of rows quarantined by whole-inbox checks too', async () => {
    const [unknownCounty] = await rows(
      `select raw from quarantine where file = 'communities/tongchuan_2019.csv' and row_number = 6`,
    );
    expect(JSON.parse(unknownCounty!.raw as string)).toMatchObject({
      社区代码: '999999001001',
      户数: '100',
      备注: 'unknown county',
    });
    const conflicts = await rows(
      `select raw from quarantine where dataset = 'staff' and rule = 'conflicting_duplicate' order by row_number`,
    );
    const cells = conflicts.map((r) => JSON.parse(r.raw as string) as Record<string, string>);
    expect(cells.map((c) => c['月工资'])).toEqual(['2500', '2600']);
    expect(cells[0]!['人员编号']).toMatch(/^[0-9a-f]{32}$/);
    expect(cells[0]!['人员编号']).toBe(cells[1]!['人员编号']);
  });

  it('records the run and its per-file accounting in the run log', async () => {
    const [run] = await rows(
      `select status, exit_code, files, rows_read, rows_kept, rows_quarantined from run_log where run_id = '${'$'}'`.replace(
        "'$'",
        `'${result.runId}'`,
      ),
    );
    expect(run).toEqual({
      status: 'published',
      exit_code: 0,
      files: 11,
      rows_read: 41n,
      rows_kept: 22n,
      rows_quarantined: 19n,
    });
    const [files] = await rows(`select count(*)::integer as n, sum(rows_read)::integer as r from run_file`);
    expect(files).toEqual({ n: 11, r: 41 });
  });

  it('never stores a raw worker id: not in any table, nor in the warehouse file, nor in the site', async () => {
    // Ids long enough that no compressed block holds one by chance.
    const ids = [1, 2, 3, 4, 5, 6, 7].map((i) => `TC-STAFF-000${i}`);
    const tables = await rows(
      `select table_name, column_name from information_schema.columns where data_type = 'VARCHAR'`,
    );
    for (const { table_name, column_name } of tables) {
      const [hit] = await warehouse.connection
        .runAndReadAll(
          `select count(*)::integer as n from "${String(table_name)}" where regexp_matches("${String(column_name)}", 'STAFF-000')`,
        )
        .then((r) => r.getRowObjectsJS());
      expect(hit, `${String(table_name)}.${String(column_name)}`).toEqual({ n: 0 });
    }
    const bytes = readFileSync(warehousePath).toString('latin1');
    for (const id of ids) expect(bytes.includes(id), `${id} in the warehouse file`).toBe(false);
    // Nor do their salted hashes reach a published file.
    const hashes = (await rows('select distinct worker_id from raw_staff')).map((r) => r.worker_id as string);
    expect(hashes.length).toBe(4);
    ids.push(...hashes);
    const site = join(dir, 'site', 'data');
    const files = readdirSync(site, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name)).toString('latin1');
      for (const id of ids) expect(text.includes(id), `${id} in ${file.name}`).toBe(false);
    }
    const [stored] = await rows(
      `select count(distinct worker_id)::integer as n, min(length(worker_id))::integer as len from stg_staff`,
    );
    expect(stored).toEqual({ n: 3, len: 32 });
  });
});
