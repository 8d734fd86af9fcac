import { readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS, generateDemoInbox, type DemoSummary } from '../../tools/demo/generate.ts';
import { listFiles, mapHeader, type RawTable } from './inbox-reader.ts';
import { loadInbox, loadRegistryCodes, type Inbox, type RegistryCodes } from './inbox-model.ts';

let dir: string;
let summary: DemoSummary;
let inbox: Inbox;
let registry: RegistryCodes;
const tables: Record<string, RawTable[]> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-contract-'));
  summary = await generateDemoInbox({ ...DEMO_DEFAULTS, out: join(dir, 'inbox') });
  registry = await loadRegistryCodes();
  inbox = await loadInbox(summary.out, registry);
  Object.assign(tables, inbox.tables);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DATASETS = ['communities', 'facilities', 'staff', 'funding', 'wages'];

describe('the seed-scale demo inbox', () => {
  it('covers every community of the five seed places for 2015-2024', () => {
    const prefixes = ['6102', '321081', '630102', '510821', '1409'];
    const expected = [...registry.communities.keys()].filter((c) => prefixes.some((p) => c.startsWith(p)));
    const codes = new Set(inbox.communities.map((c) => c.code));
    expect(codes.size).toBe(expected.length);
    expect(summary.communities).toBe(expected.length);
    expect(new Set(inbox.communities.map((c) => c.year))).toEqual(
      new Set([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]),
    );
  });

  it('uses the registry’s real codes and names', () => {
    for (const row of inbox.raw.communities!) {
      const code = row.values.community_code!;
      if (registry.communities.has(code)) expect(row.values.name).toBe(registry.communities.get(code));
    }
    for (const c of inbox.communities) expect(registry.communities.has(c.code)).toBe(true);
  });

  it('labels itself synthetic: a manifest, a SYNTHETIC.md marker and 示例数据_ on every file name', async () => {
    const manifest = JSON.parse(await readFile(join(summary.out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      synthetic: true,
      generator: 'community-balance demo',
      seed: 1,
      scale: 'seed',
      file_prefix: '示例数据_',
    });
    expect(manifest.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(await readFile(join(summary.out, 'SYNTHETIC.md'), 'utf8')).toContain('示例数据');
    const files = await listFiles(summary.out);
    const data = files.filter((f) => DATASETS.includes(f.split('/')[0]!));
    expect(files.filter((f) => !data.includes(f)).sort()).toEqual(['SYNTHETIC.md', 'manifest.json']);
    for (const f of data) expect(f.split('/').pop()!.startsWith('示例数据_')).toBe(true);
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(data);
    for (const f of manifest.files as { path: string; bytes: number }[])
      expect((await stat(join(summary.out, f.path))).size).toBe(f.bytes);
  });

  it('writes communities and facilities as XLSX per county and year, Wangcang as one workbook with a sheet per year', () => {
    const communityFiles = new Set(tables.communities!.map((t) => t.file));
    expect([...communityFiles].every((f) => f.endsWith('.xlsx'))).toBe(true);
    expect([...communityFiles].some((f) => f.includes('_610202_王益区_2019_'))).toBe(true);
    const wangcang = tables.communities!.filter((t) => t.file.includes('510821'));
    expect(new Set(wangcang.map((t) => t.file)).size).toBe(1);
    expect(wangcang.map((t) => t.sheet)).toEqual([
      '2015年',
      '2016年',
      '2017年',
      '2018年',
      '2019年',
      '2020年',
      '2021年',
      '2022年',
      '2023年',
      '2024年',
    ]);
    expect(tables.facilities!.some((t) => t.file.endsWith('.xlsx'))).toBe(true);
    expect(tables.facilities!.some((t) => t.file.endsWith('.csv'))).toBe(true);
  });

  it('types codes as numbers in some counties’ spreadsheets', () => {
    const numeric = tables.communities!.filter((t) => t.numericColumns.has(0));
    expect(numeric.length).toBeGreaterThan(0);
    expect(numeric.length).toBeLessThan(tables.communities!.length);
  });

  it('writes funding as GB18030 CSV, with 金额(万元) or a 单位 column in some counties', async () => {
    const encodings = new Set<string>();
    for (const t of tables.funding!) encodings.add((t as RawTable & { encoding: string }).encoding);
    expect(encodings).toEqual(new Set(['gb18030']));
    expect(tables.funding!.some((t) => t.header.includes('金额(万元)'))).toBe(true);
    expect(tables.funding!.some((t) => t.header.includes('单位'))).toBe(true);
    expect(tables.funding!.some((t) => t.header.includes('金额') && !t.header.includes('单位'))).toBe(true);
  });

  it('writes the staff roster as UTF-8 CSV with and without BOM, LF and CRLF, and as XLSX with date cells', () => {
    const csv = tables.staff!.filter((t) => t.file.endsWith('.csv')) as (RawTable & {
      encoding: string;
      crlf: boolean;
    })[];
    expect(new Set(csv.map((t) => t.encoding))).toEqual(new Set(['utf-8', 'utf-8-bom']));
    expect(new Set(csv.map((t) => t.crlf))).toEqual(new Set([true, false]));
    const xlsx = tables.staff!.filter((t) => t.file.endsWith('.xlsx'));
    expect(xlsx.length).toBeGreaterThan(0);
    for (const t of xlsx)
      expect(t.dateColumns.has(t.header.findIndex((h) => ['入职日期', '到岗日期'].includes(h)))).toBe(true);
  });

  it('writes dates as 2024-03-05, 2024/3/5 and 2024年3月5日', () => {
    const dates = tables.staff!.filter((t) => t.file.endsWith('.csv')).flatMap((t) => t.rows.map((r) => r[3]!));
    expect(dates.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(d))).toBe(true);
  });

  it('uses only Inbox headers (funding adds the community name and a remarks column, as bureaus do)', () => {
    for (const d of DATASETS) {
      for (const t of tables[d]!) {
        const unknown = t.header.filter((h) => !mapHeader(d, h).column);
        expect(unknown.filter((h) => !(d === 'funding' && ['社区名称', '备注'].includes(h)))).toEqual([]);
      }
    }
  });

  it('gives workers synthetic ids, W and ten digits, one per posting', () => {
    const ids = inbox.raw.staff!.map((r) => r.values.worker_id!);
    for (const id of ids) expect(id).toMatch(/^W\d{10}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(inbox.staff.map((s) => s.role))).toEqual(
      new Set(['secretary', 'director', 'committee', 'full_time', 'grid']),
    );
  });

  it('makes every row valid except the deliberately bad ones, which the summary counts exactly', () => {
    const b = summary.bad_rows;
    expect(inbox.faults.communities).toEqual(
      Object.fromEntries(Object.entries(b.communities).filter(([, n]) => n > 0)),
    );
    expect(inbox.faults.facilities).toEqual({ unknown_facility_type: b.facilities.unknown_facility_type });
    expect(inbox.faults.funding).toEqual({ negative_amount: b.funding.negative_amount });
    expect(inbox.faults.staff).toEqual({ left_before_hired: b.staff.left_before_hired });
    expect(inbox.faults.wages).toEqual({});
    expect(inbox.identical).toBe(summary.warnings.identical_duplicate);
    expect(b.total).toBe(
      Object.values(inbox.faults).reduce((n, kinds) => n + Object.values(kinds).reduce((a, x) => a + (x ?? 0), 0), 0),
    );
  });

  it('makes about 0.5% of each dataset’s rows bad, of every kind', () => {
    const b = summary.bad_rows;
    const rate = (bad: number, dataset: string) => bad / summary.rows[dataset]!;
    expect(
      rate(
        Object.values(b.communities).reduce((a, x) => a + x, 0),
        'communities',
      ),
    ).toBeGreaterThan(0.003);
    expect(
      rate(
        Object.values(b.communities).reduce((a, x) => a + x, 0),
        'communities',
      ),
    ).toBeLessThan(0.008);
    for (const [d, n] of [
      ['facilities', b.facilities.unknown_facility_type],
      ['funding', b.funding.negative_amount],
      ['staff', b.staff.left_before_hired],
    ] as const) {
      expect(rate(n, d)).toBeGreaterThan(0.003);
      expect(rate(n, d)).toBeLessThan(0.008);
    }
    for (const n of Object.values(b.communities)) expect(n).toBeGreaterThan(0);
    expect(summary.warnings.identical_duplicate).toBeGreaterThan(0);
  });
});
