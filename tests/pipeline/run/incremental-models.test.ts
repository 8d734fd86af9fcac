import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline } from '../../../pipeline/run/run-pipeline.ts';
import { generateDemoInbox } from '../../../tools/demo/generate.ts';
import { rngFor } from '../../../tools/demo/random.ts';
import { FIXTURE_NOW, tempDir } from '../../helpers/fixtures.ts';

/** Every table a models pass writes, the parts kept for rolling up included. */
const MODEL_TABLES = [
  'community_year',
  'group_part',
  'group_value',
  'gap',
  'dispersion',
  'inequality',
  'compliance_all',
  'compliance_region',
  'compliance_community',
];

/**
 * What the whole-inbox checks leave, which a partial pass redoes for the changed counties only: the
 * staged rows, the quarantine and the warnings. File ids differ between the two warehouses (a full
 * refresh loads every file anew), so rows name their file by path.
 */
const CHECK_QUERIES: Record<string, string> = {
  ...Object.fromEntries(
    ['communities', 'facilities', 'staff', 'funding', 'wages'].map((d) => [
      `stg_${d}`,
      `select f.path, s.* exclude (file_id) from "stg_${d}" s join inbox_file f using (file_id) order by all`,
    ]),
  ),
  quarantine: 'select * exclude (raw), raw is null as raw_missing from quarantine order by all',
  row_warning: 'from row_warning order by all',
  file_accounting: 'select * exclude (file_id) from file_accounting order by all',
};

type Row = Record<string, unknown>;

async function modelRows(warehousePath: string): Promise<Record<string, Row[]>> {
  const warehouse = await openWarehouse(warehousePath);
  try {
    const out: Record<string, Row[]> = {};
    for (const table of MODEL_TABLES) out[table] = await runSql(warehouse.connection, `from "${table}" order by all`);
    for (const [name, sql] of Object.entries(CHECK_QUERIES)) out[name] = await runSql(warehouse.connection, sql);
    return out;
  } finally {
    warehouse.close();
  }
}

/**
 * Equal row for row: the same rows in the same order with the same values, a floating-point value up
 * to 1e-9 of its size. Two full passes differ in the last bits too: DuckDB's parallel sums of doubles
 * do not fix the order in which they add.
 */
function expectSameRows(table: string, actual: Row[], expected: Row[]): void {
  expect(actual.length, `${table}: rows`).toBe(expected.length);
  actual.forEach((row, i) => {
    const other = expected[i]!;
    expect(Object.keys(row), `${table}: columns`).toEqual(Object.keys(other));
    for (const [column, value] of Object.entries(row)) {
      const want = other[column];
      const where = `${table} row ${i} ${JSON.stringify(other, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}: ${column}`;
      if (typeof value === 'number' && typeof want === 'number')
        expect(Math.abs(value - want), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      else expect(value, where).toEqual(want);
    }
  });
}

describe('incremental models', () => {
  const dir = tempDir('cb-incremental-models-');
  const inbox = join(dir, 'inbox');
  const logger = memoryLogger();
  const run = (name: string, fullRefresh: boolean) =>
    runPipeline({
      inbox,
      warehouse: join(dir, name, 'warehouse.duckdb'),
      site: join(dir, name, 'site'),
      fullRefresh,
      // A removed file may leave its county without funding rows: the removal guard is not under test.
      allowRemoval: true,
      saltPath: join(dir, 'worker-id.salt'),
      now: FIXTURE_NOW,
      logger,
    });
  // Seeded: the same changes on every run, yet not picked by hand.
  const rng = rngFor(16, 'incremental-models');
  const pick = () => rng.next();
  const any = <T>(items: readonly T[]): T => items[Math.floor(pick() * items.length)]!;
  const dataFiles = (dataset: string, formats = /\.(csv|tsv)$/) =>
    readdirSync(join(inbox, dataset), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && formats.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  let counties = 0;

  beforeAll(async () => {
    // Four counties in three provinces (two share a city), two years: every level has more than one
    // member somewhere, and most of the inbox is untouched by any one change.
    await generateDemoInbox({
      scale: 'seed',
      years: [2023, 2024],
      seed: 1,
      out: inbox,
      onlyPrefixes: ['630102', '610202', '610204', '321081'],
      force: true,
    });
    await run('incremental', false);
    counties = new Set(
      readdirSync(join(inbox, 'communities'), { recursive: true }).map((p) => /_(\d{6})_/.exec(String(p))?.[1]),
    ).size;
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Each change is applied to the inbox, then the incremental warehouse runs on it and a second one
  // rebuilds everything from the same inbox.
  const changes: [string, () => void][] = [
    [
      'a file edited (a data row dropped)',
      () => {
        const file = any([...dataFiles('staff'), ...dataFiles('funding')]);
        const lines = readFileSync(file).toString('latin1').split('\n');
        lines.splice(1 + Math.floor(pick() * (lines.length - 2)), 1);
        writeFileSync(file, Buffer.from(lines.join('\n'), 'latin1'));
      },
    ],
    [
      'a file added (funding for a few communities)',
      () => {
        const communities = readFileSync(any(dataFiles('funding')))
          .toString('latin1')
          .split('\n')
          .map((l) => /\b(\d{12})\b/.exec(l)?.[1])
          .filter((c): c is string => c !== undefined);
        const rows = [0, 1, 2].map((i) => `${any(communities)},2024,donation,other,${1000 * (i + 1)}`);
        writeFileSync(
          join(inbox, 'funding', 'extra.csv'),
          `community_code,year,source,category,amount\n${rows.join('\n')}\n`,
        );
      },
    ],
    [
      'rows repeated (one identically in its file, one with another amount in a new file)',
      () => {
        const file = any(dataFiles('funding'));
        const lines = readFileSync(file).toString('latin1').trimEnd().split('\n');
        const row = lines[1 + Math.floor(pick() * (lines.length - 1))]!;
        writeFileSync(file, Buffer.from(`${lines.join('\n')}\n${row}\n`, 'latin1'));
        // The row's last number (its amount) changed: the same key with another value, in another file.
        const other = lines[1 + Math.floor(pick() * (lines.length - 1))]!.replace(/(\d+)(\D*)$/, '$11$2');
        writeFileSync(
          join(dirname(file), `conflict${extname(file)}`),
          Buffer.from(`${lines[0]}\n${other}\n`, 'latin1'),
        );
      },
    ],
    [
      'a workbook removed (a county-year of communities or facilities)',
      () => rmSync(any([...dataFiles('communities', /\.xlsx$/), ...dataFiles('facilities', /\.xlsx$/)])),
    ],
    [
      'another file edited (its last row dropped)',
      () => {
        const file = any([...dataFiles('staff'), ...dataFiles('funding')]);
        const text = readFileSync(file).toString('latin1').trimEnd().split('\n');
        writeFileSync(file, Buffer.from(`${text.slice(0, -1).join('\n')}\n`, 'latin1'));
      },
    ],
  ];

  for (const [what, change] of changes)
    it(`gives every model table a full refresh's rows after ${what}`, async () => {
      change();
      logger.lines.length = 0;
      await run('incremental', false);
      const scope = logger.lines.find((l) => l.startsWith('models: '));
      // Only the changed file's county (or counties) is recomputed, not the whole inbox.
      expect(scope).toMatch(/^models: [1-9]\d* counties whose inputs changed$/);
      expect(Number(/(\d+) counties/.exec(scope!)![1])).toBeLessThan(counties);
      await run('full', true);
      const incremental = await modelRows(join(dir, 'incremental', 'warehouse.duckdb'));
      const full = await modelRows(join(dir, 'full', 'warehouse.duckdb'));
      for (const table of MODEL_TABLES) expect(full[table]!.length, `${table} has rows`).toBeGreaterThan(0);
      for (const table of Object.keys(full)) expectSameRows(table, incremental[table]!, full[table]!);
    }, 600_000);
});
