import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupsOf, INDICATORS } from '../../contract/indicators.ts';
import { openWarehouse, type Warehouse } from '../../pipeline/db/open-warehouse.ts';
import { runSql, runSqlFile } from '../../pipeline/db/run-sql-file.ts';

const pipeline = fileURLToPath(new URL('../../pipeline/', import.meta.url));
const sqlFiles = readdirSync(pipeline, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.sql'))
  .map((e) => join(e.parentPath, e.name));

describe('the SQL follows the catalogue', () => {
  it('lists no indicators by hand: the queries take them from the catalogue', () => {
    // Only the community-year model, which computes each indicator, may name them.
    const listing = sqlFiles
      .filter((f) => !f.endsWith('community-year.sql'))
      .map((f) => {
        const text = readFileSync(f, 'utf8').replace(/--.*$/gm, '');
        return [relative(pipeline, f), INDICATORS.filter((i) => new RegExp(`\\b${i.id}\\b`).test(text)).length];
      })
      .filter(([, n]) => (n as number) >= 3);
    expect(listing).toEqual([]);
  });
});

describe('the group rule', () => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await openWarehouse(':memory:');
    await runSqlFile(warehouse.connection, new URL('../../pipeline/models/macros.sql', import.meta.url));
  });
  afterAll(() => warehouse.close());

  it('is the same in the models as in the contract, for every combination', async () => {
    const rows = await runSql<{ urban_rural: string | null; has_industry: boolean | null; industry: string | null }>(
      warehouse.connection,
      `select u as urban_rural, i as has_industry, industry_group(u, i) as industry
       from (values ('urban'), ('rural'), (null)) a(u), (values (true), (false), (null::boolean)) b(i)`,
    );
    expect(rows).toHaveLength(9);
    for (const r of rows) {
      // group-values.sql: the broad group is urban_rural itself, then the industry group when there is one.
      const sql = [r.urban_rural, r.industry].filter((g) => g !== null);
      expect(sql, JSON.stringify(r)).toEqual(groupsOf(r));
    }
  });
});
