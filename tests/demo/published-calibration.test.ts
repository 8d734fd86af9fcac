import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../pipeline/db/run-sql-file.ts';
import { generateDemoInbox } from '../../tools/demo/generate.ts';
import { memoryLogger } from '../../pipeline/logger.ts';
import { runPipeline } from '../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, tempDir } from '../helpers/fixtures.ts';

// The calibration of issue 3 checked again over the figures the pipeline publishes, not the files.
async function published(scale: 'seed' | 'national', prefixes: string[]): Promise<Warehouse> {
  const dir = tempDir(`cb-calibration-${scale}-`);
  const inbox = join(dir, 'inbox');
  await generateDemoInbox({ scale, years: [2015, 2024], seed: 1, out: inbox, onlyPrefixes: prefixes });
  await runPipeline({
    inbox,
    warehouse: join(dir, 'w.duckdb'),
    site: join(dir, 'site'),
    logger: memoryLogger(),
    now: FIXTURE_NOW,
  });
  return openWarehouse(join(dir, 'w.duckdb'));
}

const group = async (w: Warehouse, level: string, region: string, year: number, indicator: string) =>
  Object.fromEntries(
    (
      await runSql(
        w.connection,
        `select "group", value, n from group_value where level = $level and region_code = $region and year = $year and indicator = $indicator`,
        {
          level,
          region,
          year,
          indicator,
        },
      )
    ).map((r) => [r.group as string, { value: r.value as number, n: r.n as number }]),
  );

describe('the published figures of the Tongchuan demo (seed 000)', () => {
  let w: Warehouse;
  beforeAll(async () => {
    w = await published('seed', ['6102']);
  }, 300_000);
  afterAll(() => w?.close());

  it('count 72 urban and 359 rural communities in 2019, with service centres in 100% and 88% of them', async () => {
    const cov = await group(w, 'city', '6102', 2019, 'cov_service_center');
    expect(cov.urban).toEqual({ value: 1, n: 72 });
    expect(cov.rural!.n).toBe(359);
    expect(cov.rural!.value).toBeCloseTo(0.88, 2);
  });

  it('give every urban community 45,000 yuan of work funds and 100,000 of service funds in 2019', async () => {
    const [funds] = await runSql(
      w.connection,
      `select min(work_funds) as work_min, max(work_funds) as work_max,
      min(service_funds) as service_min from community_year where city_code = '6102' and year = 2019 and urban_rural = 'urban'`,
    );
    expect(funds).toMatchObject({ work_min: 45000, work_max: 45000, service_min: 100000 });
  });

  it('put rural communities with industry ahead of those without in facilities, elder care and satisfaction', async () => {
    for (const indicator of ['cov_service_center', 'cov_elder_daycare', 'cov_elder_home', 'satisfaction']) {
      const [gap] = await runSql(
        w.connection,
        `select diff, suppressed from gap where level = 'city' and region_code = '6102'
        and year = 2019 and indicator = $indicator and gap = 'industry'`,
        { indicator },
      );
      expect(gap!.suppressed, indicator).toBe(false);
      expect(gap!.diff as number, indicator).toBeGreaterThan(0);
    }
  });
});

describe('the published figures of the national demo (Ningxia, the published national path)', () => {
  let w: Warehouse;
  beforeAll(async () => {
    w = await published('national', ['64']);
  }, 300_000);
  afterAll(() => w?.close());

  it('follow service-centre coverage urban 82% → 100% and rural 12.3% → 65.7% from 2015 to 2020', async () => {
    const path: Record<number, [number, number]> = { 2015: [0.82, 0.123], 2019: [0.929, 0.593], 2020: [1, 0.657] };
    for (const [year, [urban, rural]] of Object.entries(path)) {
      const cov = await group(w, 'province', '64', Number(year), 'cov_service_center');
      expect(Math.abs(cov.urban!.value - urban), `urban ${year}`).toBeLessThan(0.015);
      expect(Math.abs(cov.rural!.value - rural), `rural ${year}`).toBeLessThan(0.015);
    }
  });

  it('have about 6 to 7 workers in post per community at the end of 2020', async () => {
    const [staff] = await runSql(
      w.connection,
      `select sum(headcount_end) / count(*) as per_community from community_year where year = 2020`,
    );
    expect(staff!.per_community as number).toBeGreaterThanOrEqual(6);
    expect(staff!.per_community as number).toBeLessThanOrEqual(7);
  });
});
