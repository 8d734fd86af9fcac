import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS, generateDemoInbox, type DemoSummary } from '../../tools/demo/generate.ts';
import { chengdongReformGroups } from '../../tools/demo/places.ts';
import { urbanRuralOfCode } from '../../pipeline/registry/classify.ts';
import { inPost, loadInbox, loadRegistryCodes, type Inbox, type RegistryCodes, type StaffRow } from './inbox-model.ts';

let dir: string;
let summary: DemoSummary;
let inbox: Inbox;
let registry: RegistryCodes;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-calibration-'));
  summary = await generateDemoInbox({ ...DEMO_DEFAULTS, out: join(dir, 'inbox') });
  registry = await loadRegistryCodes();
  inbox = await loadInbox(summary.out, registry);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const under = (prefix: string) => (r: { code: string }) => r.code.startsWith(prefix);
const share = (xs: readonly boolean[]): number => xs.filter(Boolean).length / xs.length;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function communitiesIn(prefix: string, year: number) {
  return inbox.communities.filter((c) => c.code.startsWith(prefix) && c.year === year);
}

function facilityPresent(prefix: string, year: number, type: string): Set<string> {
  return new Set(
    communitiesIn(prefix, year)
      .filter((c) => has(c.code, year, type))
      .map((c) => c.code),
  );
}

function has(code: string, year: number, type: string): boolean {
  return (inbox.facilitiesOf.get(`${code}|${year}`) ?? []).some((f) => f.type === type && f.present);
}

function funds(prefix: string, year: number, category: string, source?: string): Map<string, number> {
  const total = new Map<string, number>();
  for (const f of inbox.funding) {
    if (!f.code.startsWith(prefix) || f.year !== year || f.category !== category || (source && f.source !== source))
      continue;
    total.set(f.code, (total.get(f.code) ?? 0) + f.amount);
  }
  return total;
}

const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** Separations in the year over the mean of the 1 Jan and 31 Dec headcounts, pooled over years (docs/indicators.md). */
function turnover(staff: readonly StaffRow[], years: readonly number[]): number {
  let separations = 0;
  let headcount = 0;
  for (const y of years) {
    separations += staff.filter((s) => s.leftOn !== null && yearOf(s.leftOn) === y).length;
    headcount +=
      (staff.filter((s) => inPost(s, `${y}-01-01`)).length + staff.filter((s) => inPost(s, `${y}-12-31`)).length) / 2;
  }
  return separations / headcount;
}

const isYoungGraduate = (s: StaffRow): boolean =>
  s.role === 'full_time' &&
  ['大专', '本科', '硕士'].includes(s.education ?? '') &&
  s.birthYear !== null &&
  yearOf(s.hiredOn) - s.birthYear < 30;

describe('Tongchuan 2019 (seed 000)', () => {
  const T = '6102';

  it('has 72 urban and 359 rural communities in 2019, the other four urban units appearing from 2021', () => {
    const rows = communitiesIn(T, 2019);
    expect(rows.filter((c) => c.urban)).toHaveLength(72);
    expect(rows.filter((c) => !c.urban)).toHaveLength(359);
    expect(communitiesIn(T, 2020).filter((c) => c.urban)).toHaveLength(72);
    expect(communitiesIn(T, 2021).filter((c) => c.urban)).toHaveLength(76);
  });

  it('has a service centre in every urban community and in 88% of rural ones', () => {
    const rows = communitiesIn(T, 2019);
    const centres = facilityPresent(T, 2019, 'service_center');
    expect(share(rows.filter((c) => c.urban).map((c) => centres.has(c.code)))).toBe(1);
    expect(share(rows.filter((c) => !c.urban).map((c) => centres.has(c.code)))).toBeCloseTo(0.88, 2);
  });

  it('gives every urban community 45,000 yuan of work funds and 100,000 yuan of service funds a year', () => {
    const urban = communitiesIn(T, 2019).filter((c) => c.urban);
    const work = funds(T, 2019, 'work');
    const service = funds(T, 2019, 'service');
    for (const c of urban) {
      expect(work.get(c.code)).toBe(45_000);
      expect(service.get(c.code)).toBe(100_000);
    }
  });

  it('pays full-time workers in post at the end of 2019 at least 1,800 yuan a month, the lowest exactly that', () => {
    const wages = inbox.staff
      .filter((s) => s.code.startsWith(T) && s.role === 'full_time' && inPost(s, '2019-12-31'))
      .map((s) => s.wage!);
    expect(wages.length).toBeGreaterThan(100);
    expect(Math.min(...wages)).toBe(1_800);
  });

  it('recruited 445 full-time workers in the five years 2014-2018', () => {
    const hires = inbox.staff.filter(
      (s) => s.code.startsWith(T) && s.role === 'full_time' && yearOf(s.hiredOn) >= 2014 && yearOf(s.hiredOn) <= 2018,
    );
    expect(hires).toHaveLength(445);
  });

  it('loses young graduate hires faster than any other group of workers', () => {
    const staff = inbox.staff.filter(under(T));
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
    const graduates = turnover(staff.filter(isYoungGraduate), years);
    const others = {
      otherFullTime: turnover(
        staff.filter((s) => s.role === 'full_time' && !isYoungGraduate(s)),
        years,
      ),
      grid: turnover(
        staff.filter((s) => s.role === 'grid'),
        years,
      ),
      committees: turnover(
        staff.filter((s) => ['secretary', 'director', 'committee'].includes(s.role)),
        years,
      ),
    };
    for (const rate of Object.values(others)) expect(graduates).toBeGreaterThan(rate * 1.5);
  });

  it('leaves most rural 两委 committee members without 五险一金, unlike urban ones', () => {
    const known = inbox.staff.filter(
      (s) => s.code.startsWith(T) && s.role === 'committee' && inPost(s, '2019-12-31') && s.insured !== null,
    );
    const rural = known.filter((s) => urbanRuralOfCode(s.code) === 'rural');
    const urban = known.filter((s) => urbanRuralOfCode(s.code) === 'urban');
    expect(share(rural.map((s) => s.insured!))).toBeLessThan(0.4);
    expect(share(urban.map((s) => s.insured!))).toBeGreaterThan(0.8);
  });

  it('puts rural communities with industry ahead of those without in facilities, elder care and satisfaction', () => {
    const rural = communitiesIn(T, 2019).filter((c) => !c.urban);
    const withIndustry = rural.filter((c) => c.hasIndustry === true);
    const without = rural.filter((c) => c.hasIndustry === false);
    expect(withIndustry.length).toBeGreaterThan(30);
    expect(without.length).toBeGreaterThan(30);
    const facilities = (codes: { code: string }[]) =>
      mean(codes.map((c) => (inbox.facilitiesOf.get(`${c.code}|2019`) ?? []).filter((f) => f.present).length));
    const elderCare = (codes: { code: string }[]) =>
      share(codes.map((c) => has(c.code, 2019, 'elder_daycare') || has(c.code, 2019, 'elder_home')));
    expect(facilities(withIndustry)).toBeGreaterThan(facilities(without));
    expect(elderCare(withIndustry)).toBeGreaterThan(elderCare(without));
    expect(mean(withIndustry.map((c) => c.satisfaction!))).toBeGreaterThan(
      mean(without.map((c) => c.satisfaction!)) + 3,
    );
  });

  it('spent 1,265万 yuan of 中省项目 money on 21 model communities in 2018', () => {
    const grants = funds(T, 2018, 'construction', 'province_central');
    expect(grants.size).toBe(21);
    expect(sum([...grants.values()])).toBe(12_650_000);
  });
});

describe('Wangcang 2016 (seed 003)', () => {
  const W = '510821';
  const managed = (code: string): boolean => {
    const name = registry.communities.get(code) ?? '';
    return urbanRuralOfCode(code) === 'urban' || ['卢家坝', '石龙', '白龙', '龙凤'].some((n) => name.startsWith(n));
  };

  it('has 40 communities under community management with 40,727 households and 105,890 people', () => {
    const rows = communitiesIn(W, 2016).filter((c) => managed(c.code));
    expect(rows).toHaveLength(40);
    expect(sum(rows.map((c) => c.households))).toBe(40_727);
    expect(sum(rows.map((c) => c.population))).toBe(105_890);
  });

  it('gives each of the 40 30,000 yuan of county work funds', () => {
    const work = funds(W, 2016, 'work', 'county');
    const codes = communitiesIn(W, 2016)
      .filter((c) => managed(c.code))
      .map((c) => c.code);
    for (const code of codes) expect(work.get(code)).toBe(30_000);
  });

  it('has a service station in all 40, 20 elder homes and 19 day-care centres among them, and 34 农村幸福院 in the other villages', () => {
    const codes = communitiesIn(W, 2016).map((c) => c.code);
    const inManaged = (type: string) => codes.filter((c) => managed(c) && has(c, 2016, type)).length;
    expect(inManaged('service_center')).toBe(40);
    expect(inManaged('elder_home')).toBe(20);
    expect(inManaged('elder_daycare')).toBe(19);
    expect(codes.filter((c) => !managed(c) && has(c, 2016, 'elder_home'))).toHaveLength(34);
  });
});

describe('Chengdong, Xining (seed 002)', () => {
  const C = '630102';

  it('counts 378,800 people across its registry units in 2015', () => {
    expect(sum(communitiesIn(C, 2015).map((c) => c.population))).toBe(378_800);
  });

  it('groups the reformed subdistricts’ 居委会 into 12 communities of 20,000-30,000 people, every year', () => {
    const units = [...registry.communities.keys()]
      .filter((c) => c.startsWith(C))
      .map((code) => ({ code, urban: urbanRuralOfCode(code) === 'urban' }));
    const groups = chengdongReformGroups(units);
    expect(new Set(groups.values()).size).toBe(12);
    for (let year = 2015; year <= 2024; year++) {
      const totals = new Map<number, number>();
      for (const c of communitiesIn(C, year)) {
        const g = groups.get(c.code);
        if (g) totals.set(g, (totals.get(g) ?? 0) + c.population);
      }
      expect(totals.size).toBe(12);
      for (const total of totals.values()) {
        expect(total).toBeGreaterThanOrEqual(20_000);
        expect(total).toBeLessThanOrEqual(30_000);
      }
    }
  });
});

describe('Yizheng (seed 001)', () => {
  const Y = '321081';

  it('sizes most urban communities at 2,000-3,000 households in 2016', () => {
    const urban = communitiesIn(Y, 2016).filter((c) => c.urban);
    const inBand = share(urban.map((c) => c.households >= 2_000 && c.households <= 3_000));
    expect(inBand).toBeGreaterThan(0.6);
    expect(inBand).toBeLessThan(0.95);
  });

  it('builds service centres around max(400 m², 20 m² per 100 households), some below the standard', () => {
    const households = new Map(communitiesIn(Y, 2016).map((c) => [c.code, c.households]));
    const centres = inbox.facilities.filter(
      (f) =>
        f.code.startsWith(Y) && f.year === 2016 && f.type === 'service_center' && f.present && households.has(f.code),
    );
    expect(centres.length).toBeGreaterThan(50);
    const ratios = centres.map((f) => f.area! / Math.max(400, (20 * households.get(f.code)!) / 100));
    for (const r of ratios) {
      expect(r).toBeGreaterThan(0.65);
      expect(r).toBeLessThan(1.45);
    }
    const below = share(ratios.map((r) => r < 1));
    expect(below).toBeGreaterThan(0.1);
    expect(below).toBeLessThan(0.45);
  });

  it('draws grids at about 500 households each, some above 600', () => {
    const urban = communitiesIn(Y, 2016).filter((c) => c.urban && c.grids);
    const perGrid = urban.map((c) => c.households / c.grids!);
    expect(mean(perGrid)).toBeGreaterThan(450);
    expect(mean(perGrid)).toBeLessThan(600);
    expect(perGrid.some((x) => x > 600)).toBe(true);
  });

  it('gets at least 40,000 yuan a year from two linked units for every urban community from 2017', () => {
    for (const year of [2017, 2020, 2024]) {
      const linked = funds(Y, year, 'other', 'linked_units');
      for (const c of communitiesIn(Y, year).filter((c) => c.urban))
        expect(linked.get(c.code)).toBeGreaterThanOrEqual(40_000);
    }
  });

  it('has an information platform in at least 90% of communities in 2020', () => {
    const rows = communitiesIn(Y, 2020);
    const platforms = facilityPresent(Y, 2020, 'smart_platform');
    expect(share(rows.map((c) => platforms.has(c.code)))).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Xinzhou (seed 004)', () => {
  const X = '1409';

  it('pays many, but not all, workers in post at the end of 2022 below last year’s county average wage', () => {
    const wage2021 = new Map(inbox.wages.filter((w) => w.year === 2021).map((w) => [w.county, w.wage]));
    const workers = inbox.staff.filter((s) => s.code.startsWith(X) && inPost(s, '2022-12-31') && s.wage !== null);
    const below = share(workers.map((s) => s.wage! * 12 < wage2021.get(s.code.slice(0, 6))!));
    expect(below).toBeGreaterThan(0.5);
    expect(below).toBeLessThan(1);
  });

  it('re-elected committees in 2021, after a pilot in 2020', () => {
    const left = (year: number) =>
      inbox.staff.filter(
        (s) => s.code.startsWith(X) && s.leaveReason === '换届离任' && s.leftOn !== null && yearOf(s.leftOn) === year,
      ).length;
    expect(left(2020)).toBeGreaterThan(0);
    expect(left(2021)).toBeGreaterThan(left(2020) * 3);
    expect(left(2019)).toBe(0);
  });
});

describe('the wages dataset', () => {
  it('gives every county of the run an average wage for 2014 through 2024', () => {
    const counties = new Set(inbox.communities.map((c) => c.code.slice(0, 6)));
    expect(inbox.wages).toHaveLength(counties.size * 11);
    for (const w of inbox.wages) expect(counties.has(w.county)).toBe(true);
  });
});
