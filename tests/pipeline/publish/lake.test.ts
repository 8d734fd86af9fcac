import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline, type PipelineResult } from '../../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

/** Rows as sortable JSON lines, so two readers' rows compare as sets of equal rows. */
const lines = (rows: Record<string, unknown>[]) =>
  rows
    .map((r) =>
      JSON.stringify(
        Object.fromEntries(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k]]),
        ),
      ),
    )
    .sort();

// The hand-made inbox: 12 communities of two Shaanxi counties over 2019-2020.
describe('the Parquet lake', () => {
  const dir = tempDir('cb-lake-');
  let result: PipelineResult;
  let warehouse: Warehouse;
  const version = () => join(dir, 'site', 'data', result.version);
  const lake = (table: string) => join(version(), 'lake', table, '**', '*.parquet');
  // Partition values are folder names: typed here, as the doc shows for each engine.
  const read = (table: string, types = `{'province_code': 'VARCHAR', 'year': 'INTEGER'}`) =>
    runSql(warehouse.connection, `select * from read_parquet($path, hive_partitioning = true, hive_types = ${types})`, {
      path: lake(table),
    });

  beforeAll(async () => {
    result = await runPipeline({
      inbox: fixture('inbox-metrics'),
      warehouse: join(dir, 'warehouse.duckdb'),
      site: join(dir, 'site'),
      now: FIXTURE_NOW,
      logger: memoryLogger(),
    });
    warehouse = await openWarehouse(':memory:');
  });
  afterAll(() => warehouse?.close());

  it('is Hive-partitioned by province and year, zstd-compressed', async () => {
    const files = readdirSync(join(version(), 'lake'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(join(version(), 'lake'), join(e.parentPath, e.name)).replace(/[^/]*\.parquet$/, '*'))
      .sort();
    expect([...new Set(files)]).toEqual([
      'community_year/province_code=61/year=2019/*',
      'community_year/province_code=61/year=2020/*',
      'gaps/province_code=61/year=2019/*',
      'gaps/province_code=61/year=2020/*',
      'gaps/province_code=CN/year=2019/*',
      'gaps/province_code=CN/year=2020/*',
    ]);
    const codecs = await runSql(warehouse.connection, `select distinct compression from parquet_metadata($path)`, {
      path: lake('community_year'),
    });
    expect(codecs).toEqual([{ compression: 'ZSTD' }]);
  });

  it('holds exactly the published community-year rows of the communities shards', async () => {
    const published: Record<string, unknown>[] = [];
    for (const county of ['610202', '610204']) {
      const table = tableFromIPC(readFileSync(join(version(), 'region', county, 'communities.arrow')));
      for (const row of table.toArray()) {
        const r = row.toJSON() as Record<string, unknown>;
        published.push({ ...r, province_code: '61', city_code: '6102', county_code: county });
      }
    }
    const rows = await read('community_year');
    expect(rows).toHaveLength(24);
    expect(lines(rows)).toEqual(lines(published));
    expect(result.ingest && published.length).toBe(24);
  });

  it('holds exactly the rows of gaps.parquet', async () => {
    const rows = (await read('gaps')).map(({ province_code, ...r }) => {
      expect(province_code).toBe(r.level === 'nation' ? 'CN' : String(r.region_code).slice(0, 2));
      return r;
    });
    const download = await runSql(warehouse.connection, 'select * from read_parquet($path)', {
      path: join(version(), 'gaps.parquet'),
    });
    expect(rows.length).toBe(download.length);
    expect(lines(rows)).toEqual(lines(download));
  });

  it('reads without types given, codes and years inferred from the folder names', async () => {
    const summary = (table: string) =>
      runSql(
        warehouse.connection,
        `select count(*)::integer as n, min(year) as first, min(province_code) as province
         from read_parquet($path, hive_partitioning = true)`,
        { path: lake(table) },
      );
    // Years read as whole numbers; a province code too where every one is digits (CN keeps gaps' as text).
    expect(await summary('community_year')).toEqual([{ n: 24, first: 2019n, province: 61n }]);
    expect(await summary('gaps')).toEqual([{ n: expect.any(Number), first: 2019n, province: '61' }]);
  });

  it('carries no personal data: community-year columns only, small rosters withheld', async () => {
    const rows = await read('community_year');
    const columns = Object.keys(rows[0]!);
    expect(columns.filter((c) => /worker|hired|left_on|birth|education|role/.test(c))).toEqual([]);
    // 柿树沟 has two workers with known wages: its wage figures are withheld, its headcount is not.
    const small = rows.filter((r) => r.community_code === '610202005002');
    expect(small.map((r) => [r.headcount_end, r.median_wage, r.wage_ratio, r.insured_share])).toEqual([
      [2, null, null, null],
      [2, null, null, null],
    ]);
    // No cell of any lake file is a worker id of the roster.
    const roster = readFileSync(fixture('inbox-metrics/staff/roster.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]!);
    const cells = new Set(rows.flatMap((r) => Object.values(r).map(String)));
    expect(roster.filter((id) => cells.has(id))).toEqual([]);
  });

  it('is listed in the manifest with its row counts', () => {
    const manifest = JSON.parse(readFileSync(join(version(), 'manifest.json'), 'utf8')) as {
      lake: Record<string, { path: string; rows: number }>;
    };
    expect(manifest.lake.community_year).toEqual({ path: 'lake/community_year', rows: 24 });
    expect(manifest.lake.gaps!.rows).toBeGreaterThan(0);
  });
});
