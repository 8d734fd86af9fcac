import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../helpers/run-cli.ts';
import { fixture, tempDir } from '../../helpers/fixtures.ts';

// ID-card (18 digits, the last may be X) and mobile-number shaped values, none of them a valid
// number or date, so every row that carries one is quarantined and quoted nowhere.
const ID = (n: number) => `11010119900307${String(1000 + n).slice(1)}X`;
const PHONE = (n: number) => `139-${String(1000 + n).slice(1)}0-8${String(1000 + n).slice(1)}`;
const COLUMNS = [
  'worker_id',
  'community_code',
  'role',
  'hired_on',
  'left_on',
  'leave_reason',
  'monthly_wage',
  'social_insurance',
  'education',
  'birth_year',
];
const GOOD = ['M-OK', '610202005001', 'grid', '2019-05-01', '', '', '2800', '是', '大专', '1990'];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('personal data never leaves the warehouse', () => {
  const dir = tempDir('cb-personal-');
  const inbox = join(dir, 'inbox');
  const site = join(dir, 'site');
  const args = ['--inbox', inbox, '--warehouse', join(dir, 'warehouse.duckdb'), '--site', site];
  const planted: string[] = [];
  const runs: CliRun[] = [];

  beforeAll(async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    // Every staff column in turn holds an ID number, then a phone number; a shifted row and an unclosed quote too.
    const lines = [COLUMNS.join(',')];
    COLUMNS.forEach((_, column) => {
      for (const value of [ID(column), PHONE(column)]) {
        planted.push(value);
        lines.push(
          GOOD.map((cell, i) => (i === column ? value : i === 0 ? `M-${column}-${value.length}` : cell)).join(','),
        );
      }
    });
    planted.push(ID(20), PHONE(20), ID(21), PHONE(21));
    lines.push(`M-S1,${ID(20)},610202005001,grid,2019-05-01,,,2800,是,${PHONE(20)},1990`);
    lines.push(`M-Q1,"${ID(21)},610202005001,grid,2019-05-01,,2800,是,${PHONE(21)},1990`);
    writeFileSync(join(inbox, 'staff', 'planted.csv'), `${lines.join('\n')}\n`);
    planted.push(ID(30), PHONE(30));
    writeFileSync(
      join(inbox, 'staff', 'broken.jsonl'),
      `{"worker_id":"M-J1","community_code":"610202005001","role":"grid","hired_on":"2019-05-01"}\n` +
        `{"worker_id":"${ID(30)}","community_code":"${PHONE(30)}",role:"grid"}\n`,
    );
    planted.push(ID(40), PHONE(40), ID(41));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名册');
    sheet.addRow(['人员编号', '社区代码', '岗位', '入职日期', '学历']);
    sheet.addRow([ID(40), PHONE(40), '网格员', '2019-05-01', '本科']);
    sheet.addRow(['M-X2', '610202005001', ID(41), { formula: 'TODAY()' }, '本科']);
    await workbook.xlsx.writeFile(join(inbox, 'staff', 'roster_bad.xlsx'));
    // Too many rows quarantined for the default limit: the run fails and writes the quarantine report.
    runs.push(await runCli(args));
    runs.push(await runCli([...args, '--config', fixture('pipeline-lenient.json')]));
    // A roster JSON array broken mid-record is refused: its message must not quote the record.
    planted.push(ID(50));
    writeFileSync(join(inbox, 'staff', 'broken.json'), `[{"worker_id":"${ID(50)}","community_code":"6102,}]`);
    runs.push(await runCli([...args, '--config', fixture('pipeline-lenient.json')]));
    rmSync(join(inbox, 'staff', 'broken.json'));
  }, 600_000);

  it('ran as planned: a failed run with a report, a published one, a refused one', () => {
    expect(runs.map((r) => r.code)).toEqual([1, 0, 1]);
    expect(files(join(dir, 'reports')).length).toBe(1);
    expect(runs[2]!.stderr).toMatch(/invalid JSON: staff\/broken\.json: line 1, column \d+: /);
  });

  it('quotes no planted value, nor any parser text, in the site, the reports or the logs', () => {
    const texts: [string, string][] = [
      ...[...files(site), ...files(join(dir, 'reports'))].map((f): [string, string] => [f, readFileSync(f, 'latin1')]),
      ...[...files(site), ...files(join(dir, 'reports'))].map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      ...runs.flatMap((r, i): [string, string][] => [
        [`run ${i} stdout`, r.stdout],
        [`run ${i} stderr`, r.stderr],
      ]),
    ];
    expect(texts.length).toBeGreaterThan(20);
    for (const [where, text] of texts) {
      for (const value of planted) expect(text.includes(value), `${value} in ${where}`).toBe(false);
      // The digits alone, in case a value was reformatted on the way.
      for (const value of planted)
        expect(text.includes(value.replace(/\D/g, '')), `${value} digits in ${where}`).toBe(false);
      expect(text, where).not.toMatch(/Unexpected token|in JSON at position|Expected ',' or|Expected double-quoted/);
    }
  });

  it('still lists every quarantined roster row in the report, with only its hashed worker id', () => {
    const [report] = files(join(dir, 'reports'));
    const text = readFileSync(report!, 'utf8');
    expect(text).toContain('staff/planted.csv');
    expect(text).toContain('extra_cells');
    expect(text).toContain('unclosed_quote');
    expect(text).toContain('invalid_json');
    expect(text).toMatch(/[0-9a-f]{32}/);
  });
});
