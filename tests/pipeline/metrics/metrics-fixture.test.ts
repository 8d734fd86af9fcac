import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline, type PipelineResult } from '../../../pipeline/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

// tests/fixtures/inbox-metrics: 12 communities in two counties of Tongchuan (610202 王益区, 610204
// 耀州区) over 2019-2020. Urban U1 小街 U2 柿树沟 U3 东风 (0 households) U4 川口 (nothing reported)
// U5 孝义; rural R1 王家砭 R2 董家河 R6 常家河 with industry, R3 石凹 R4 冯家桥 R7 王家河 without,
// R5 凤柳 unknown. Every figure below is worked out by hand from those files.
describe('metrics over the hand-made inbox', () => {
  const dir = tempDir('cb-metrics-');
  let warehouse: Warehouse;
  let result: PipelineResult;
  const rows = (sql: string, params = {}) => runSql(warehouse.connection, sql, params);
  const cy = async (code: string, year: number) =>
    (await rows('select * from community_year where community_code = $code and year = $year', { code, year }))[0]!;
  const gv = async (level: string, region: string, year: number, indicator: string) =>
    Object.fromEntries(
      (
        await rows(
          `select "group", value, n from group_value where level = $level and region_code = $region and year = $year and indicator = $indicator`,
          { level, region, year, indicator },
        )
      ).map((r) => [r.group as string, [r.value, r.n]]),
    );
  const gap = async (level: string, region: string, year: number, indicator: string, which: string) =>
    (
      await rows(
        `select value_a, value_b, n_a, n_b, diff, ratio, suppressed, diff_change_prev, diff_change_first from gap
       where level = $level and region_code = $region and year = $year and indicator = $indicator and gap = $which`,
        { level, region, year, indicator, which },
      )
    )[0];

  beforeAll(async () => {
    result = await runPipeline({
      inbox: fixture('inbox-metrics'),
      warehouse: join(dir, 'warehouse.duckdb'),
      site: join(dir, 'site'),
      now: FIXTURE_NOW,
      logger: memoryLogger(),
    });
    warehouse = await openWarehouse(join(dir, 'warehouse.duckdb'));
  });
  afterAll(() => warehouse?.close());

  describe('community-year indicators', () => {
    it('counts a missing facility type as absent only where the year was reported', async () => {
      expect(await cy('610202005002', 2019)).toMatchObject({ cov_smart_platform: 0, cov_service_center: 1 });
      expect(await cy('610202002002', 2019)).toMatchObject({
        cov_service_center: null,
        service_center_ok: null,
        service_area_per_100hh: null,
      });
    });
    it('gives no per-household value for zero households, and judges the area standard', async () => {
      // 东风: 300 m², 0 households: no area per 100 households; 300 < max(400, 0) fails.
      expect(await cy('610202005003', 2019)).toMatchObject({
        service_area_per_100hh: null,
        service_center_ok: 0,
        funding_per_household: null,
        work_funds: 30000,
      });
      // 柿树沟: 450 m² for 2,500 households: 18 m² per 100, below max(400, 500).
      expect(await cy('610202005002', 2019)).toMatchObject({ service_area_per_100hh: 18, service_center_ok: 0 });
      // 小街: 500 m² for 2,000: 25 per 100, meets max(400, 400).
      expect(await cy('610202005001', 2019)).toMatchObject({ service_area_per_100hh: 25, service_center_ok: 1 });
    });
    it('sums funding in yuan, 万元 headers included; no funding row means unknown, not 0', async () => {
      // 小街: 45,000 work + 10 万元 service = 145,000 for 2,000 households.
      expect(await cy('610202005001', 2019)).toMatchObject({
        funding_total: 145000,
        funding_per_household: 72.5,
        work_funds: 45000,
        service_funds: 100000,
        self_raised_share: 0,
      });
      // 柿树沟: 4.5 万元 work + 0.5 万元 from a linked unit = 50,000, a tenth self-raised.
      expect(await cy('610202005002', 2019)).toMatchObject({
        funding_per_household: 20,
        work_funds: 45000,
        self_raised_share: 0.1,
      });
      // 王家砭: funding rows but none for work: work funds 0; 5,000 of 25,000 collective.
      expect(await cy('610204101205', 2019)).toMatchObject({
        work_funds: 0,
        self_raised_share: 0.2,
        funding_per_household: 62.5,
      });
      expect(await cy('610202002002', 2019)).toMatchObject({
        funding_per_household: null,
        work_funds: null,
        self_raised_share: null,
      });
    });
    it('counts separations on 31 Dec and hires leaving within the year', async () => {
      // 小街 2019: in post 1 Jan A1 A2 A3; on 31 Dec A1 A2 A5 (A3 left that day, A4 left in October);
      // two separations over a mean headcount of 3.
      expect(await cy('610202005001', 2019)).toMatchObject({ headcount_end: 3, separations: 2, staff_per_1000hh: 1.5 });
      expect((await cy('610202005001', 2019)).turnover_rate).toBeCloseTo(2 / 3, 12);
      expect(await cy('610202005001', 2020)).toMatchObject({ headcount_end: 3, separations: 0, turnover_rate: 0 });
      // 石凹: one worker hired on 31 Dec 2019 is in post that day.
      expect((await cy('610204101201', 2019)).staff_per_1000hh).toBeCloseTo(1000 / 300, 12);
    });
    it('takes the median wage and the ratio to the county wage of the previous year', async () => {
      // 小街 2019: 3000, 2800, 1900 in post → 2800; 2800×12 / 56,000 (2018) = 0.6; 2020: / 60,000 = 0.56.
      expect(await cy('610202005001', 2019)).toMatchObject({ median_wage: 2800, wage_ratio: 0.6 });
      expect(await cy('610202005001', 2020)).toMatchObject({ median_wage: 2800, wage_ratio: 0.56 });
      // 王家砭: four wages → mean of the middle two; 耀州区 has no 2018 wage, so no 2019 ratio.
      expect(await cy('610204101205', 2019)).toMatchObject({
        median_wage: 1650,
        wage_ratio: null,
        insured_share: 0.25,
      });
      expect(await cy('610204101205', 2020)).toMatchObject({ wage_ratio: 0.4125 });
    });
    it('withholds wage and insurance figures over fewer than 3 workers', async () => {
      // 柿树沟 has two workers; 小街 knows the insurance of only two of its three.
      expect(await cy('610202005002', 2019)).toMatchObject({
        staff_per_1000hh: 0.8,
        median_wage: null,
        wage_ratio: null,
        insured_share: null,
      });
      expect((await cy('610202005001', 2019)).insured_share).toBeNull();
    });
    it('leaves staff values unknown for a community without any roster row', async () => {
      expect(await cy('610204101001', 2019)).toMatchObject({
        staff_per_1000hh: null,
        turnover_rate: null,
        headcount_end: null,
      });
    });
  });

  describe('group values and gaps', () => {
    it('averages over the community-years that have a value, with n', async () => {
      const cov = await gv('nation', 'CN', 2019, 'cov_service_center');
      expect(cov).toEqual({ urban: [1, 4], rural: [0.8, 5], rural_industry: [1, 3], rural_no_industry: [0, 1] });
      const sat = await gv('city', '6102', 2019, 'satisfaction');
      expect(sat.urban).toEqual([82.6, 5]);
      expect(sat.rural![1]).toBe(7);
      expect(sat.rural![0]).toBeCloseTo(540 / 7, 12);
    });
    it('leaves communities of unknown industry out of both industry groups', async () => {
      const sat = await gv('nation', 'CN', 2019, 'satisfaction');
      expect(sat.rural_industry).toEqual([90, 3]);
      expect(sat.rural_no_industry).toEqual([65, 3]);
    });
    it('measures the urban–rural and industry gaps as difference and ratio', async () => {
      const ur = (await gap('city', '6102', 2019, 'satisfaction', 'urban_rural'))!;
      expect(ur.diff as number).toBeCloseTo(38.2 / 7, 12);
      expect(ur.ratio as number).toBeCloseTo(578.2 / 540, 12);
      expect(await gap('nation', 'CN', 2019, 'satisfaction', 'industry')).toMatchObject({
        diff: 25,
        n_a: 3,
        n_b: 3,
        suppressed: false,
      });
      expect((await gap('nation', 'CN', 2019, 'cov_service_center', 'urban_rural'))!.ratio).toBeCloseTo(1.25, 12);
    });
    it('suppresses a gap whose smaller group has fewer than 3', async () => {
      // 王益区 has two rural communities; staff figures exist for two urban and two rural ones.
      expect(await gap('county', '610202', 2019, 'satisfaction', 'urban_rural')).toMatchObject({
        n_a: 4,
        n_b: 2,
        diff: null,
        ratio: null,
        suppressed: true,
      });
      expect(await gap('nation', 'CN', 2019, 'staff_per_1000hh', 'urban_rural')).toMatchObject({
        n_a: 2,
        n_b: 2,
        diff: null,
        suppressed: true,
      });
      expect(await gap('nation', 'CN', 2019, 'cov_service_center', 'industry')).toMatchObject({
        n_b: 1,
        suppressed: true,
        diff: null,
      });
    });
    it('gives the change since the previous and the first year', async () => {
      // 2020: urban 415/5, rural 544/7 → diff 37/7, down 1.2/7 from 2019.
      const g = (await gap('city', '6102', 2020, 'satisfaction', 'urban_rural'))!;
      expect(g.diff as number).toBeCloseTo(37 / 7, 12);
      expect(g.diff_change_prev as number).toBeCloseTo(-1.2 / 7, 12);
      expect(g.diff_change_first as number).toBeCloseTo(-1.2 / 7, 12);
      expect((await gap('nation', 'CN', 2020, 'satisfaction', 'industry'))!.diff_change_prev as number).toBeCloseTo(
        0,
        12,
      );
    });
  });

  describe('inequality', () => {
    it('matches Theil T, its decomposition and the Gini worked by hand', async () => {
      // funding per household 2019: urban 72.5, 20, 70; rural 62.5, 60, 10, 40 (see pure-metrics.test.ts)
      const [row] = await rows(
        `select n, theil, theil_between, theil_within, between_share, gini from inequality
         where level = 'nation' and year = 2019 and indicator = 'funding_per_household'`,
      );
      expect(row!.n).toBe(7);
      expect(row!.theil as number).toBeCloseTo(0.139418276256073, 12);
      expect(row!.theil_between as number).toBeCloseTo(0.006461481042668624, 12);
      expect(row!.theil_within as number).toBeCloseTo(0.13295679521340445, 12);
      expect(row!.between_share as number).toBeCloseTo(0.006461481042668624 / 0.139418276256073, 12);
      expect(row!.gini as number).toBeCloseTo(0.2643923240938166, 12);
    });
    it('gives the coefficient of variation for σ-convergence', async () => {
      const [row] = await rows(
        `select n, cv from dispersion where level = 'nation' and year = 2019 and indicator = 'funding_per_household'`,
      );
      const values = [72.5, 20, 70, 62.5, 60, 10, 40];
      const m = values.reduce((a, b) => a + b) / 7;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / 7);
      expect(row!.n).toBe(7);
      expect(row!.cv as number).toBeCloseTo(sd / m, 12);
    });
  });

  describe('community profiles', () => {
    it('sets a community beside its group median in the county and its township median', async () => {
      const [row] = await rows(
        `select value, "group", group_median, township_median from community_profile
         where community_code = '610204101205' and year = 2019 and indicator = 'satisfaction'`,
      );
      // 耀州区 rural with industry: 王家砭 90, 董家河 85 → 87.5; township 610204101: 88, 90, 85, 70, 60, 75 → 80.
      expect(row).toEqual({ value: 90, group: 'rural_industry', group_median: 87.5, township_median: 80 });
    });
  });

  describe('standards compliance', () => {
    it('judges each community in scope, naming fail, pass and unknown', async () => {
      const r = await rows(
        `select community_code, status from compliance_community where standard_id = 'urban_funds' and year = 2019 order by community_code`,
      );
      expect(r).toEqual([
        { community_code: '610202002002', status: 'unknown' },
        { community_code: '610202005001', status: 'pass' },
        { community_code: '610202005002', status: 'fail' },
        { community_code: '610202005003', status: 'fail' },
        { community_code: '610204101001', status: 'fail' },
      ]);
    });
    it('summarises any region against any standard, in scope or not', async () => {
      const [funds] = await rows(`select in_scope, n_pass, n_fail, n_unknown, share_pass from compliance_region
        where standard_id = 'urban_funds' and level = 'city' and region_code = '6102' and year = 2019`);
      expect(funds).toEqual({ in_scope: true, n_pass: 1, n_fail: 3, n_unknown: 1, share_pass: 0.25 });
      // What if Tongchuan applied Yizheng's service-centre rule: 5 pass, 4 fail, 3 unreported.
      const [area] = await rows(`select in_scope, n_pass, n_fail, n_unknown from compliance_region
        where standard_id = 'service_center_area' and level = 'city' and region_code = '6102' and year = 2019`);
      expect(area).toEqual({ in_scope: false, n_pass: 5, n_fail: 4, n_unknown: 3 });
      const none = await rows(
        `select count(*)::integer as n from compliance_community where standard_id = 'service_center_area'`,
      );
      expect(none[0]!.n).toBe(0);
    });
    it('judges region standards on group values', async () => {
      const r = await rows(`select level, region_code, status, value from compliance_region
        where standard_id = 'rural_center_coverage' and year = 2019 and level in ('nation', 'county') order by level, region_code`);
      expect(r).toEqual([
        { level: 'county', region_code: '610202', status: 'pass', value: 1 },
        { level: 'county', region_code: '610204', status: 'fail', value: 0.75 },
        { level: 'nation', region_code: 'CN', status: 'pass', value: 0.8 },
      ]);
    });
  });

  describe('model size', () => {
    it('stores the profile medians per county group and township, not a row per community and indicator', async () => {
      const [t] = await rows(`select
        (select count(*)::integer from duckdb_views() where view_name = 'community_profile') as views,
        (select count(*)::integer from duckdb_tables() where table_name = 'community_profile') as tables,
        (select count(*)::integer from county_group_median) as medians,
        (select count(*)::integer from community_profile) as profile`);
      expect(t).toMatchObject({ views: 1, tables: 0 });
      expect(t!.medians).toBeLessThan(t!.profile as number);
    });
  });

  describe('downloads', () => {
    const version = () => join(dir, 'site', 'data', result.version);
    it('publishes gaps, group values and compliance as CSV with BOM and exactly the SPEC columns', () => {
      const head = (name: string) => readFileSync(join(version(), name), 'utf8').split('\r\n')[0];
      expect(head('gaps.csv')).toBe(
        '\ufefflevel,region_code,region_name,year,indicator,gap,value_a,value_b,n_a,n_b,diff,ratio,suppressed',
      );
      expect(head('group_values.csv')).toBe('\ufefflevel,region_code,year,indicator,group,value,n');
      expect(head('compliance.csv')).toMatch(/^\ufeffstandard_id,level,region_code,region_name,year,in_scope,status/);
    });
    it('writes a suppressed gap with empty diff and ratio', () => {
      const line = readFileSync(join(version(), 'gaps.csv'), 'utf8')
        .split('\r\n')
        .find((l) => l.startsWith('county,610202,王益区,2019,satisfaction,urban_rural,'));
      expect(line).toBe('county,610202,王益区,2019,satisfaction,urban_rural,81.25,80,4,2,,,true');
    });
    it('publishes gaps.parquet with the same rows as gaps.csv', async () => {
      const [p] = await rows(
        `select count(*)::integer as n, count(*) filter (where suppressed)::integer as s from read_parquet($path)`,
        {
          path: join(version(), 'gaps.parquet'),
        },
      );
      const lines = readFileSync(join(version(), 'gaps.csv'), 'utf8').trim().split('\r\n').slice(1);
      expect(p).toEqual({ n: lines.length, s: lines.filter((l) => l.endsWith(',true')).length });
    });
  });
});
