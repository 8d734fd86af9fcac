import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql, runSqlFile } from '../../../pipeline/db/run-sql-file.ts';
import { DATASETS } from '../../../pipeline/schema/datasets.ts';

// The raw appender writes columns by position, so the DDL and the specs must agree column for column.
describe('the raw tables', () => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await openWarehouse(':memory:');
    await runSqlFile(warehouse.connection, new URL('../../../pipeline/db/schema.sql', import.meta.url));
  });
  afterAll(() => warehouse.close());

  it.each(DATASETS.map((d) => [d.name, d]))(
    'raw_%s has the lineage columns then the spec columns in order',
    async (name, spec) => {
      const columns = await runSql(
        warehouse.connection,
        'select column_name from information_schema.columns where table_name = $t order by ordinal_position',
        { t: `raw_${name}` },
      );
      expect(columns.map((c) => c.column_name)).toEqual([
        'file_id',
        'sheet',
        'row_number',
        'row_key',
        'row_digest',
        'extras',
        ...spec.columns.map((c) => c.name),
      ]);
    },
  );
});
