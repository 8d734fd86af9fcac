import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARD_COLUMNS, type ShardName } from '../../../contract/published-types.ts';
import type { ColumnKind, ShardColumns } from '../../../contract/shard-columns.ts';
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
    // The gaps contract on a groups file: the check must see the difference.
    expect(() => assertColumns(groups.replace('groups.arrow', 'gaps.arrow'), table)).toThrow();
  });

  it('names its quality.json fields as the other published files do', () => {
    const quality = JSON.parse(readFileSync(join(root, 'quality.json'), 'utf8')) as { files: object[] };
    expect(quality.files.length).toBeGreaterThan(0);
    for (const file of quality.files) for (const key of Object.keys(file)) expect(key).toMatch(/^[a-z_]+$/);
  });
});
