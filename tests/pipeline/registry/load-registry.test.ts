import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { townshipKindOfCode, urbanRuralOfCode } from '../../../pipeline/registry/classify.ts';
import { loadRegistry } from '../../../pipeline/registry/load-registry.ts';
import { registryWarehouse } from '../../helpers/warehouse.ts';

describe('the registry', () => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await registryWarehouse();
  });
  afterAll(() => warehouse.close());
  const one = async (sql: string) => (await runSql(warehouse.connection, sql))[0]!;

  it('holds the NBS 2023 counts at every level', async () => {
    expect(
      await one(`select
        (select count(*) from registry_province)::integer as provinces,
        (select count(*) from registry_county)::integer as counties,
        (select count(*) from registry_township)::integer as townships,
        (select count(*) from registry_community)::integer as communities`),
    ).toEqual({ provinces: 31, counties: 2978, townships: 41352, communities: 620573 });
  });

  it('gives Tongchuan (6102) the 359 rural communities seed 000 reports', async () => {
    expect(
      await one(`select count(*) filter (where urban_rural = 'rural')::integer as rural,
        count(*) filter (where urban_rural = 'urban')::integer as urban
        from registry_community where city_code = '6102'`),
    ).toEqual({ rural: 359, urban: 76 });
  });

  it('holds the communities seed 000 visited, with their unit kind', async () => {
    const rows = await runSql(
      warehouse.connection,
      `select code, name, urban_rural, unit_kind from registry_community
       where code in ('610202005002', '610202002002', '610204101205') order by code`,
    );
    expect(rows).toEqual([
      { code: '610202002002', name: '川口社区居委会', urban_rural: 'urban', unit_kind: '居委会' },
      { code: '610202005002', name: '柿树沟社区居委会', urban_rural: 'urban', unit_kind: '居委会' },
      { code: '610204101205', name: '王家砭村委会', urban_rural: 'rural', unit_kind: '村委会' },
    ]);
  });

  it('classifies every code in SQL exactly as the TypeScript rule does', async () => {
    const communities = await warehouse.connection.runAndReadAll('select code, urban_rural from registry_community');
    let mismatches = 0;
    for (const [code, urbanRural] of communities.getRowsJS() as [string, string | null][]) {
      if ((urbanRuralOfCode(code) ?? null) !== urbanRural) mismatches++;
    }
    expect(mismatches).toBe(0);
    const townships = await warehouse.connection.runAndReadAll('select code, township_kind from registry_township');
    mismatches = 0;
    for (const [code, kind] of townships.getRowsJS() as [string, string | null][]) {
      if ((townshipKindOfCode(code) ?? null) !== kind) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('has one region row per unit at every level, parented by code prefix', async () => {
    expect(
      await one(`select count(*)::integer as n, count(*) filter (where level <> 'nation' and
        not starts_with(code, parent_code) and parent_code <> 'CN')::integer as orphans from region`),
    ).toEqual({ n: 1 + 31 + 342 + 2978 + 41352 + 620573, orphans: 0 });
  });

  it('is not reloaded when this version is already in the warehouse', async () => {
    const logger = memoryLogger();
    expect(await loadRegistry(warehouse.connection, logger)).toBe(620573);
    expect(logger.lines).toEqual([]);
  });
});
