import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { ingestInbox } from '../../../pipeline/ingest/ingest-inbox.ts';
import { planIngest } from '../../../pipeline/ingest/plan-ingest.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runHistory } from '../../../pipeline/publish/run-history.ts';
import { FIXTURE_NOW, fixture, fixtureRowContext } from '../../helpers/fixtures.ts';
import { registryWarehouse } from '../../helpers/warehouse.ts';

const ctx = fixtureRowContext('freshness-test-salt');

describe('the run log’s freshness', () => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await registryWarehouse();
    const plan = await planIngest(warehouse.connection, fixture('inbox-metrics'), false);
    await ingestInbox(warehouse.connection, plan, { runId: 'freshness', ctx, logger: memoryLogger() });
  });
  afterAll(() => warehouse?.close());

  it('comes from the counties each file holds, kept by the ingest, not from every raw row', async () => {
    const c = warehouse.connection;
    const { freshness } = await runHistory(c, FIXTURE_NOW, 45);
    const [expected] = await runSql<{ n: number }>(
      c,
      `select count(*)::integer as n from (
         select distinct 'communities', substr(community_code, 1, 6) from raw_communities
         union select distinct 'facilities', substr(community_code, 1, 6) from raw_facilities
         union select distinct 'staff', substr(community_code, 1, 6) from raw_staff
         union select distinct 'funding', substr(community_code, 1, 6) from raw_funding
         union select distinct 'wages', county_code from raw_wages)`,
    );
    expect(freshness.length).toBe(expected!.n);
    expect(freshness.length).toBeGreaterThan(0);
    // The raw rows are not read again: without them, the freshness stands as kept.
    await runSql(c, 'begin transaction; delete from raw_facilities');
    expect((await runHistory(c, FIXTURE_NOW, 45)).freshness).toEqual(freshness);
    await runSql(c, 'rollback');
  });

  it('is rebuilt once for a warehouse from before the ingest kept it', async () => {
    const c = warehouse.connection;
    const { freshness } = await runHistory(c, FIXTURE_NOW, 45);
    await runSql(c, 'delete from file_county');
    expect((await runHistory(c, FIXTURE_NOW, 45)).freshness).toEqual(freshness);
    const [row] = await runSql<{ n: number }>(c, 'select count(*)::integer as n from file_county');
    expect(row!.n).toBeGreaterThan(0);
  });
});
