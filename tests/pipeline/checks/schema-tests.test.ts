import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaTests, type SchemaQuery } from '../../../pipeline/checks/schema-tests.ts';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql, runSqlFile } from '../../../pipeline/db/run-sql-file.ts';
import { facilities } from '../../../pipeline/schema/facilities.ts';

// The generic tests come from the dataset specs alone: a staged facilities table with one row of each
// fault must fail each of them once.
describe('the generic data tests declared by the dataset specs', () => {
  let warehouse: Warehouse;
  const failures = async (queries: readonly SchemaQuery[]) => {
    let n = 0;
    for (const q of queries) {
      const [row] = await runSqlFile(warehouse.connection, q.file, { identifiers: q.identifiers, params: q.params });
      n += Number(row!.failures);
    }
    return n;
  };

  beforeAll(async () => {
    warehouse = await openWarehouse(':memory:');
    await runSql(
      warehouse.connection,
      `create table stg_facilities (community_code varchar, year integer, facility_type varchar, present boolean,
         floor_area_m2 double, safety_issue boolean);
       insert into stg_facilities values
         ('610202005001', 2019, 'service_center', true, 500, null),
         ('610202005001', 2019, 'service_center', true, 500, null),
         ('610202005002', 2019, 'library', null, null, null),
         ('610202005003', 2019, 'swimming_pool', false, null, null);
       create table community_year (urban_rural varchar);
       insert into community_year values ('urban'), ('rural'), (null), ('suburban');`,
    );
  });
  afterAll(() => warehouse.close());

  it('declares not_null over the key and the required columns', () => {
    expect(schemaTests.notNull([facilities]).map((q) => q.identifiers)).toEqual([
      { table: 'stg_facilities', columns: ['community_code', 'year', 'facility_type', 'present'] },
    ]);
  });

  it('counts a row with a missing required value once', async () => {
    expect(await failures(schemaTests.notNull([facilities]))).toBe(1);
  });

  it('counts a repeated key', async () => {
    expect(await failures(schemaTests.unique([facilities]))).toBe(1);
  });

  it('counts enumerated values outside the spec, and unclassed community-years', async () => {
    // 'swimming_pool' in stg_facilities; null and 'suburban' in community_year.
    expect(await failures(schemaTests.acceptedValues([facilities]))).toBe(3);
  });
});
