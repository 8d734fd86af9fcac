import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../pipeline/cli-error.ts';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { delimitedRecords } from '../../../pipeline/ingest/delimited-records.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline, type PipelineResult } from '../../../pipeline/run/run-pipeline.ts';
import { parseDate } from '../../../pipeline/validate/parse-date.ts';
import { Invalid } from '../../../pipeline/validate/invalid.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

const HEADER = 'community_code,year,name,urban_rural,has_industry,households,population,satisfaction\n';

describe('splitting delimited text into records', () => {
  it('keeps quoted delimiters, doubled quotes and line breaks inside a cell', () => {
    expect(delimitedRecords('a,"b,""c""\nd",e\r\nf,g\n', ',')).toEqual([
      { line: 1, cells: ['a', 'b,"c"\nd', 'e'] },
      { line: 3, cells: ['f', 'g'] },
    ]);
  });

  it('does not let an unclosed quote swallow the lines after it', () => {
    expect(delimitedRecords('a,b\n1,"x\n2,y\n3,z\n', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '"x'], brokenQuote: true },
      { line: 3, cells: ['2', 'y'] },
      { line: 4, cells: ['3', 'z'] },
    ]);
    // Closed only by the opening quote of a later cell: still broken at its own line.
    expect(delimitedRecords('1,"x\n2,y\n3,"z,w"\n', ',').map((r) => [r.line, r.brokenQuote ?? false])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
  });
});

describe('a bare year in a date column', () => {
  it('is not a date, whether typed as text or as a number', () => {
    for (const cell of ['2019', 2019]) {
      const parsed = parseDate(cell);
      expect(parsed).toBeInstanceOf(Invalid);
      expect((parsed as Invalid).rule).toBe('not_a_date');
    }
    expect(parseDate(43466)).toBe('2019-01-01');
  });
});

describe('checking the structure of inbox files', () => {
  const dir = tempDir('cb-structure-');
  const inbox = join(dir, 'inbox');
  let result: PipelineResult;
  let warehouse: Warehouse;

  beforeAll(async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    mkdirSync(join(inbox, 'communities', '2021'));
    writeFileSync(
      join(inbox, 'communities', '2021', 'late.csv'),
      HEADER +
        '610202005001,2021,小街社区,,,2000,6000,80\n' +
        '610202005002,2021,"柿树沟社区,,,2500,7000,90\n' +
        '610202005003,2021,东风社区,,,2,419,7000,70\n' +
        '610204101001,2021,村一,,,800,2400,75\n',
    );
    writeFileSync(
      join(inbox, 'staff', 'late.csv'),
      'worker_id,community_code,role,hired_on\nM-Y1,610202005001,grid,2019\nM-Y2,610202005001,grid,2019-05-01\n',
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
    result = await runPipeline({
      inbox,
      warehouse: join(dir, 'w.duckdb'),
      site: join(dir, 'site'),
      now: FIXTURE_NOW,
      config: fixture('pipeline-lenient.json'),
      logger: memoryLogger(),
    });
    warehouse = await openWarehouse(join(dir, 'w.duckdb'));
  });
  afterAll(() => warehouse?.close());

  const quarantined = (file: string) =>
    runSql(
      warehouse.connection,
      `select row_number::integer as line, rule from quarantine where file = $file order by row_number`,
      { file },
    );

  it('quarantines an unclosed quote and a row with extra cells by their physical line, counting every line', async () => {
    expect(await quarantined('communities/2021/late.csv')).toEqual([
      { line: 3, rule: 'unclosed_quote' },
      { line: 4, rule: 'extra_cells' },
    ]);
    const file = result.ingest!.files.find((f) => f.path === 'communities/2021/late.csv')!;
    expect([file.rowsRead, file.rowsKept, file.rowsQuarantined]).toEqual([4, 2, 2]);
    const [kept] = await runSql(
      warehouse.connection,
      "select count(*)::integer as n from stg_communities where year = 2021 and community_code = '610204101001'",
    );
    expect(kept!.n).toBe(1);
  });

  it('quarantines a broken JSON line with its column and kind, never the parser text', async () => {
    const [row] = await runSql(
      warehouse.connection,
      "select row_number::integer as line, rule, reason from quarantine where file = 'facilities/late.jsonl'",
    );
    expect(row).toEqual({
      line: 2,
      rule: 'invalid_json',
      reason: 'line 2 is not valid JSON at column 72: a name not in double quotes, or a comma too many',
    });
  });

  it('reports a formula without a saved value as such', async () => {
    const [row] = await runSql(
      warehouse.connection,
      "select row_number::integer as line, rule, reason from quarantine where file = 'funding/late.xlsx'",
    );
    expect(row).toMatchObject({ line: 3, rule: 'formula_without_value' });
    expect(row!.reason).toContain('formula without a saved value in E3');
    expect(row!.reason).not.toContain('[object Object]');
  });

  it('quarantines a bare year in a date column as not_a_date', async () => {
    expect(await quarantined('staff/late.csv')).toEqual([{ line: 2, rule: 'not_a_date' }]);
  });

  it('refuses a workbook that is not a zip archive, exit 1, naming the file', async () => {
    const other = join(dir, 'inbox2');
    cpSync(fixture('inbox-metrics'), other, { recursive: true });
    writeFileSync(join(other, 'funding', 'renamed.xlsx'), 'community_code,year\n610202005001,2021\n');
    const run = runPipeline({
      inbox: other,
      warehouse: join(dir, 'w2.duckdb'),
      site: join(dir, 'site2'),
      now: FIXTURE_NOW,
      logger: memoryLogger(),
    });
    await expect(run).rejects.toBeInstanceOf(CliError);
    await expect(run).rejects.toThrow(
      'not a valid Excel workbook: funding/renamed.xlsx is not a zip archive (perhaps another file renamed .xlsx)',
    );
  });
});
