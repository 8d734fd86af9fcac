import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { ingestInbox } from '../../../pipeline/ingest/ingest-inbox.ts';
import type { LoadFiles } from '../../../pipeline/ingest/load-file.ts';
import { planIngest } from '../../../pipeline/ingest/plan-ingest.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { DATASETS } from '../../../pipeline/schema/datasets.ts';
import { fixture, fixtureRowContext, tempDir } from '../../helpers/fixtures.ts';
import { registryWarehouse } from '../../helpers/warehouse.ts';
import { referenceLoadFiles } from '../../reference/reference-load-files.ts';

const ctx = fixtureRowContext('differential-test-salt');

/** Everything an ingest leaves behind that a later stage reads, with files named by path. */
async function outcome(warehouse: Warehouse, inbox: string, loadFiles?: LoadFiles): Promise<unknown> {
  const c = warehouse.connection;
  await runSql(
    c,
    `delete from inbox_file; delete from quarantine_parse; delete from quarantine_raw;
     ${DATASETS.map((d) => `delete from raw_${d.name};`).join(' ')}`,
  );
  let error: string | undefined;
  try {
    const plan = await planIngest(c, inbox, true);
    // The SQL side stages on its own connection, as a run does (the reference loader ignores it).
    const staging = () => warehouse.connect();
    await ingestInbox(c, plan, { runId: 'differential', ctx, logger: memoryLogger(), loadFiles, staging });
  } catch (e) {
    error = (e as Error).message;
  }
  const result: Record<string, unknown> = { error };
  if (error) return result;
  result.files = await runSql(
    c,
    `select path, format, encoding, sheets, header_map, extra_columns, status, message, rows_read,
       rows_parse_quarantined from inbox_file order by path`,
  );
  for (const d of DATASETS) {
    // row_key and row_digest only group rows (duplicates); their JSON spelling is each side's own.
    result[d.name] = await runSql(
      c,
      `select f.path, r.* exclude (file_id, row_key, row_digest) from raw_${d.name} r join inbox_file f using (file_id)
       order by all`,
    );
  }
  result.quarantine = await runSql(c, 'select * from quarantine order by all');
  result.warnings = await runSql(c, 'select * from row_warning order by all');
  return JSON.parse(JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
}

/** The inputs of tests/pipeline/validate/structure-checks.test.ts, written into one inbox. */
async function structureInbox(dir: string): Promise<string> {
  const inbox = join(dir, 'structure');
  cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
  mkdirSync(join(inbox, 'communities', '2021'));
  writeFileSync(
    join(inbox, 'communities', '2021', 'late.csv'),
    'community_code,year,name,urban_rural,has_industry,households,population,satisfaction\n' +
      '610202005001,2021,小街社区,,,2000,6000,80\n' +
      '610202005002,2021,"柿树沟社区,,,2500,7000,90\n' +
      '610202005003,2021,东风社区,,,2,419,7000,70\n' +
      '610204101001,2021,村一,,,800,2400,75\n',
  );
  // Title rows, an empty line, a quoted line break and CRLF ends: numbered as the file shows them.
  writeFileSync(
    join(inbox, 'communities', '2021', 'titled.csv'),
    '某县社区基本情况\r\n\r\n社区代码,年份,名称,户数,人口\r\n610202005004,2021,"北\r\n街",900,2700\r\n\r\n' +
      '610202005005,2021,南街,１，２００,3600\r\n610202005006,2021,西街,-5,3600\r\n',
  );
  // Past the 64 KiB head, where only DuckDB's reader sees them: a quoted line break in a file without
  // empty lines, a row wider than the head's widest, and a quote that does not close.
  const filler = Array.from(
    { length: 1500 },
    (_, i) => `610202005${String(1 + (i % 9)).padStart(3, '0')},${2000 + (i % 20)},社区${i},,,${i + 1},${3 * i + 2},80`,
  );
  const head = 'community_code,year,name,urban_rural,has_industry,households,population,satisfaction\n';
  const late = (row: string) => `${head}${filler.join('\n')}\n${row}\n610204101001,2021,村末,,,800,2400,75\n`;
  writeFileSync(join(inbox, 'communities', '2021', 'late-break.csv'), late('610202005007,2021,"东\n街",,,900,2700,70'));
  writeFileSync(
    join(inbox, 'communities', '2021', 'late-wide.csv'),
    late(`610202005008,2021,宽行,,,900,2700,70${',x'.repeat(20)}`),
  );
  writeFileSync(join(inbox, 'communities', '2021', 'late-quote.csv'), late('610202005009,2021,"未闭合,,,900,2700,70'));
  writeFileSync(
    join(inbox, 'staff', 'late.csv'),
    'worker_id,community_code,role,hired_on\nM-Y1,610202005001,grid,2019\nM-Y2,610202005001,grid,2019-05-01\n' +
      'M-Y3,610202005001,网格员,2019年3月5日\nM-Y4,610202005001,grid,43466\nM-Y5,610202005001,grid,2031-01-01\n',
  );
  writeFileSync(
    join(inbox, 'facilities', 'late.jsonl'),
    '{"community_code":"610202005001","year":2021,"facility_type":"library","present":"是"}\n' +
      '{"community_code":"610202005002","year":2021,"facility_type":"library",present:"是"}\n',
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2021');
  sheet.addRow(['community_code', 'year', 'source', 'category', 'amount']);
  sheet.addRow(['610202005001', 2021, 'county', 'work', 30000]);
  sheet.addRow(['610202005002', 2021, 'county', 'work', { formula: 'C2*2' }]);
  await workbook.xlsx.writeFile(join(inbox, 'funding', 'late.xlsx'));
  return inbox;
}

/**
 * Cells at the edge of the SQL checks' fast path: they look plain (digits, ISO dates, yes/no words,
 * enum keys) but each differs from the form a cast prints back, so only the full parse may read them.
 */
function plainLookingInbox(dir: string): string {
  const inbox = join(dir, 'plain-looking');
  cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
  const households = ['0012', '+5', ' 5', '5 ', '1e3', '1_000', '0x10', '12.0', '-0', '１２', '2,419', '-5', ''];
  const satisfaction = ['80.50', '.5', '5.', '1e1', '-0.0', '100.0', '101', 'NaN', 'inf', '８０', '80', ' 80', ''];
  const years = [
    '2021',
    '2021.0',
    '+2021',
    '02021',
    '2021年',
    '1948',
    '2099',
    ' 2021',
    '２０２１',
    '2021',
    '2021',
    '',
    '2021',
  ];
  const codes = ['610202005001', '61020200500', '+61020200501', '610202005001.0', ' 610202005002', '６10202005003'];
  const communities = households.map(
    (h, i) => `${codes[i % codes.length]},${years[i]},名${i},,,"${h}",3000,"${satisfaction[i]}"`,
  );
  writeFileSync(
    join(inbox, 'communities', 'edge.csv'),
    'community_code,year,name,urban_rural,has_industry,households,population,satisfaction\n' +
      `${communities.join('\n')}\n610202005004,2021,"北街\u3000",,,900,2700,70\n610202005005,2021," 南街",,,900,2700,70\n`,
  );
  const present = ['是', 'Y', 'TRUE', '是 ', 'ｙｅｓ', 'yes', '1', 'f', '否', '√', '', 'maybe'];
  const types = ['library', 'Library', 'library ', 'service_center', 'servicecenter', 'Service Center', '图书室'];
  const area = ['500', '500.0', '', '1e2', '0', '-1', ' 500'];
  const facilities = present.map(
    (p, i) => `610202005001,2019,${types[i % types.length]},${p},${area[i % area.length]}`,
  );
  writeFileSync(
    join(inbox, 'facilities', 'edge.csv'),
    `community_code,year,facility_type,present,floor_area_m2\n${facilities.join('\n')}\n`,
  );
  return inbox;
}

describe('the SQL row checks against the reference row parser', () => {
  const dir = tempDir('cb-differential-');
  let sql: Warehouse;
  let reference: Warehouse;
  const inboxes: Record<string, string> = {};

  beforeAll(async () => {
    sql = await registryWarehouse();
    reference = await registryWarehouse();
    for (const name of ['inbox-mixed', 'inbox-metrics', 'inbox-dashboard', 'inbox-binary', 'inbox-missing-column'])
      inboxes[name] = fixture(name);
    inboxes.structure = await structureInbox(dir);
    inboxes['plain-looking'] = plainLookingInbox(dir);
    const demo = join(dir, 'demo');
    execFileSync(process.execPath, ['--import', 'tsx', 'tools/demo/cli.ts', '--out', demo], { stdio: 'ignore' });
    inboxes.demo = demo;
  }, 300_000);
  afterAll(() => {
    sql?.close();
    reference?.close();
  });

  it.each([
    'inbox-mixed',
    'inbox-metrics',
    'inbox-dashboard',
    'inbox-binary',
    'inbox-missing-column',
    'structure',
    'plain-looking',
  ])(
    'keeps and quarantines the same rows of %s',
    async (name) => {
      const expected = await outcome(reference, inboxes[name]!, referenceLoadFiles);
      const actual = await outcome(sql, inboxes[name]!);
      expect(actual).toEqual(expected);
    },
    120_000,
  );

  it('keeps and quarantines the same rows of the demo inbox', async () => {
    const expected = (await outcome(reference, inboxes.demo!, referenceLoadFiles)) as Record<string, unknown[]>;
    const actual = (await outcome(sql, inboxes.demo!)) as Record<string, unknown[]>;
    expect(actual.error).toBeUndefined();
    expect(expected.quarantine!.length).toBeGreaterThan(2000);
    for (const key of Object.keys(expected)) expect([key, actual[key]]).toEqual([key, expected[key]]);
  }, 1_200_000);
});
