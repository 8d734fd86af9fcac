import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { ingestInbox } from '../../../pipeline/ingest/ingest-inbox.ts';
import { planIngest } from '../../../pipeline/ingest/plan-ingest.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { fixture, fixtureRowContext } from '../../helpers/fixtures.ts';
import { registryWarehouse } from '../../helpers/warehouse.ts';

const ctx = fixtureRowContext('transcoded-test-salt');

describe('GB18030 files transcoded ahead of their turn', () => {
  it('are read as before, and no transcoding is left in the temp folder', async () => {
    const warehouse = await registryWarehouse();
    try {
      const c = warehouse.connection;
      const plan = await planIngest(c, fixture('inbox-mixed'), false);
      await ingestInbox(c, plan, {
        runId: 'transcoded',
        ctx,
        logger: memoryLogger(),
        staging: () => warehouse.connect(),
      });
      const [row] = await runSql<{ n: number }>(
        c,
        "select count(*)::integer as n from inbox_file where encoding = 'gb18030' and rows_read > 0",
      );
      expect(row!.n).toBeGreaterThan(0);
      const left = readdirSync(tmpdir()).filter((name) => name.startsWith(`cb-transcoded-${process.pid}-`));
      expect(left).toEqual([]);
    } finally {
      warehouse.close();
    }
  });
});
