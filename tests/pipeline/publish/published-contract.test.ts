import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../contract/published-types.ts';
import { SHARD_COLUMNS, type GroupRow, type RegionRow, type ShardName } from '../../../contract/published-types.ts';
import type { ColumnKind, ShardColumns } from '../../../contract/shard-columns.ts';
import { gapsFromGroups } from '../../../core/metrics/gaps-from-groups.ts';
import { rowsFromArrow } from '../../../dashboard/data/rows-from-arrow.ts';
import { openWarehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { tempDir } from '../../helpers/fixtures.ts';
import { publishFixture } from '../../helpers/publish-fixture.ts';

/** The Arrow type each column kind is written as. */
const ARROW_TYPE: Record<ColumnKind, string> = {
  text: 'Dictionary<Int32, Utf8>',
  int: 'Int32',
  float: 'Float64',
  bool: 'Bool',
};

/** Which contract shard a published file is: regions.arrow, search/<p>.arrow or region/<code>/<shard>.arrow. */
function shardOf(path: string): ShardName {
  if (path === 'regions.arrow') return 'regions';
  if (path.startsWith('search/')) return 'search';
  const name = path
    .split('/')
    .at(-1)!
    .replace(/\.arrow$/, '');
  if (!(name in SHARD_COLUMNS)) throw new Error(`a published shard the contract does not know: ${path}`);
  return name as ShardName;
}

/**
 * A shard's columns against the contract, as duckdb-node-neo's assertColumns does: names in order and
 * Arrow types, no null where the contract says never, and only the listed values of an enumeration.
 */
function assertColumns(path: string, table: Table): void {
  const contract: ShardColumns = SHARD_COLUMNS[shardOf(path)];
  expect(
    table.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
    path,
  ).toEqual(Object.entries(contract).map(([name, c]) => `${name}:${ARROW_TYPE[c.kind]}`));
  for (const [name, c] of Object.entries(contract)) {
    const column = table.getChild(name)!;
    if (!c.nullable) expect(column.nullCount, `${path}: ${name} holds null`).toBe(0);
    if (c.values) {
      const allowed = new Set<unknown>([...c.values, null]);
      const seen = new Set<unknown>(column.toArray());
      expect(
        [...seen].filter((v) => !allowed.has(v)),
        `${path}: ${name}`,
      ).toEqual([]);
    }
  }
}

describe('the published shards keep the contract', () => {
  const dir = tempDir('cb-contract-');
  let root: string;
  let shards: string[];

  beforeAll(async () => {
    root = await publishFixture(dir);
    shards = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.arrow'))
      .map((e) => relative(root, join(e.parentPath, e.name)))
      .sort();
  }, 180_000);

  it('publishes every shard the contract describes', () => {
    expect([...new Set(shards.map(shardOf))].sort()).toEqual(Object.keys(SHARD_COLUMNS).sort());
  });

  it('writes each shard with the contract columns, types, nulls and values', () => {
    for (const path of shards) assertColumns(path, tableFromIPC(readFileSync(join(root, path))));
  });

  it('fails a shard whose columns differ from the contract', () => {
    const groups = shards.find((p) => p.endsWith('/groups.arrow'))!;
    const table = tableFromIPC(readFileSync(join(root, groups)));
    // The inequality contract on a groups file: the check must see the difference.
    expect(() => assertColumns(groups.replace('groups.arrow', 'inequality.arrow'), table)).toThrow();
  });

  it('lets a reader derive every gap from the groups shards, to the warehouse’s rows and digits', async () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
    const regions = rowsFromArrow<RegionRow>(readFileSync(join(root, 'regions.arrow')));
    const names = new Map(regions.map((r) => [`${r.level}|${r.code}`, r.name]));
    const key = (r: Record<string, unknown>) => `${r.level}|${r.region_code}|${r.year}|${r.indicator}|${r.gap}`;
    const warehouse = await openWarehouse(join(dir, 'w.duckdb'));
    let expected: Map<string, Record<string, unknown>>;
    try {
      expected = new Map(
        (await runSql(warehouse.connection, 'select * from gap')).map((r) => [
          key(r),
          { ...r, n_a: Number(r.n_a), n_b: Number(r.n_b), year: Number(r.year) },
        ]),
      );
    } finally {
      warehouse.close();
    }
    const derived = new Map<string, Record<string, unknown>>();
    for (const path of shards.filter((p) => p.endsWith('/groups.arrow'))) {
      const groups = rowsFromArrow<GroupRow>(readFileSync(join(root, path)));
      for (const gap of gapsFromGroups(groups, manifest, (l, c) => names.get(`${l}|${c}`) ?? null))
        derived.set(key(gap), { ...gap });
    }
    // Every gap of the nation, provinces, cities, counties and townships: none missing, none extra.
    expect([...derived.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, gap] of derived) expect(gap, k).toEqual(expected.get(k));
    expect(derived.size).toBeGreaterThan(100);
  });

  it('names its quality.json fields as the other published files do', () => {
    const quality = JSON.parse(readFileSync(join(root, 'quality.json'), 'utf8')) as { files: object[] };
    expect(quality.files.length).toBeGreaterThan(0);
    for (const file of quality.files) for (const key of Object.keys(file)) expect(key).toMatch(/^[a-z_]+$/);
  });
});
