import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCenterPath } from '../../tools/demo/coverage-path.ts';
import { generateDemoInbox, type DemoSummary } from '../../tools/demo/generate.ts';
import { inPost, loadInbox, loadRegistryCodes, type Inbox } from './inbox-model.ts';

// The national generator on a bounded subset: Ningxia (64), 2,912 communities, no seed place in it.
let dir: string;
let summary: DemoSummary;
let inbox: Inbox;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-national-'));
  summary = await generateDemoInbox({
    scale: 'national',
    years: [2015, 2024],
    seed: 1,
    out: join(dir, 'inbox'),
    onlyPrefixes: ['64'],
  });
  inbox = await loadInbox(summary.out, await loadRegistryCodes());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PUBLISHED: Record<number, [number, number]> = { 2015: [0.82, 0.123], 2019: [0.929, 0.593], 2020: [1, 0.657] };

describe('national scale (on the Ningxia subset)', () => {
  it('follows the published service-centre coverage path, urban 82% → 100% and rural 12% → 66% over 2015-2020, still rising after', () => {
    const centres = new Set(
      inbox.facilities.filter((f) => f.type === 'service_center' && f.present).map((f) => `${f.code}|${f.year}`),
    );
    const coverage = (year: number, urban: boolean): number => {
      const rows = inbox.communities.filter((c) => c.year === year && c.urban === urban);
      return rows.filter((c) => centres.has(`${c.code}|${year}`)).length / rows.length;
    };
    for (const [year, [urban, rural]] of Object.entries(PUBLISHED)) {
      expect(coverage(Number(year), true)).toBeCloseTo(urban, 1);
      expect(Math.abs(coverage(Number(year), true) - urban)).toBeLessThan(0.015);
      expect(Math.abs(coverage(Number(year), false) - rural)).toBeLessThan(0.015);
    }
    for (let year = 2015; year <= 2024; year++) {
      expect(Math.abs(coverage(year, true) - serviceCenterPath('urban', year))).toBeLessThan(0.015);
      expect(Math.abs(coverage(year, false) - serviceCenterPath('rural', year))).toBeLessThan(0.015);
      if (year > 2015) expect(coverage(year, false)).toBeGreaterThan(coverage(year - 1, false));
    }
  });

  it('staffs communities with about 6 to 7 workers each at the end of 2020', () => {
    const communities = new Set(inbox.communities.filter((c) => c.year === 2020).map((c) => c.code));
    const workers = inbox.staff.filter((s) => communities.has(s.code) && inPost(s, '2020-12-31')).length;
    const perCommunity = workers / communities.size;
    expect(perCommunity).toBeGreaterThanOrEqual(6);
    expect(perCommunity).toBeLessThanOrEqual(7);
  });

  it('writes CSV only, one file per county and dataset, with facilities listed only where present (plus the service centre)', () => {
    expect(summary.files.every((f) => f.format === 'csv')).toBe(true);
    const counties = new Set(inbox.communities.map((c) => c.code.slice(0, 6)));
    for (const d of ['communities', 'facilities', 'staff', 'funding'])
      expect(summary.files.filter((f) => f.dataset === d)).toHaveLength(counties.size);
    const absent = inbox.facilities.filter((f) => !f.present);
    expect(absent.length).toBeGreaterThan(0);
    expect(new Set(absent.map((f) => f.type))).toEqual(new Set(['service_center']));
    const reported = new Set(inbox.facilities.map((f) => `${f.code}|${f.year}`));
    expect(inbox.communities.every((c) => reported.has(`${c.code}|${c.year}`))).toBe(true);
  });

  it('keeps the bad-row share and counts at national scale', () => {
    expect(summary.bad_rows.total).toBeGreaterThan(0);
    expect(inbox.faults.funding).toEqual({ negative_amount: summary.bad_rows.funding.negative_amount });
    expect(inbox.faults.staff).toEqual({ left_before_hired: summary.bad_rows.staff.left_before_hired });
  });
});
