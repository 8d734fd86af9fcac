import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../../pipeline/db/open-warehouse.ts';
import { readJson, readJsonLines } from '../../../pipeline/ingest/read-json.ts';
import { readParquet } from '../../../pipeline/ingest/read-parquet.ts';
import { tempDir } from '../../helpers/fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const messageOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the read to fail');
};

// A broken record holds a worker id; the parser's message would quote it, ours names only the place.
describe('messages of files that cannot be parsed', () => {
  it('quarantines a broken JSON Lines line by its line and column, never its text', () => {
    const read = readJsonLines(utf8('{"a":1}\n{"worker_id": "W-310", x}\n'), 'staff/s.jsonl');
    const broken = read.tables[0]!.rows.find((row) => row.problem);
    expect(broken?.number).toBe(2);
    expect(broken?.problem?.rule).toBe('invalid_json');
    expect(broken?.problem?.reason).toMatch(/line 2 .*column/);
    expect(JSON.stringify(read)).not.toMatch(/W-310/);
  });

  it('names the file, line and column of a broken JSON array, never the text', () => {
    const message = messageOf(() => readJson(utf8('[{"a":1},\n {"worker_id":"W-312" "b":2}]'), 'staff/s.json'));
    expect(message).toMatch(/^invalid JSON: staff\/s\.json: line 2, column \d+/);
    expect(message).not.toMatch(/W-312/);
    const quoted = messageOf(() => readJson(utf8('[{"worker_id": "W-313", "b": tru}]'), 'staff/s.json'));
    expect(quoted).toMatch(/^invalid JSON: staff\/s\.json/);
    expect(quoted).not.toMatch(/W-313/);
  });

  describe('Parquet', () => {
    const dir = tempDir('cb-reader-messages-');
    let warehouse: Warehouse;
    beforeAll(async () => {
      warehouse = await openWarehouse(':memory:');
    });
    afterAll(() => warehouse.close());
    it('says what kind of failure, not DuckDB detail', async () => {
      const path = join(dir, 'bad.parquet');
      writeFileSync(path, 'W-314,not parquet');
      await expect(readParquet(warehouse.connection, path, 'staff/bad.parquet')).rejects.toThrow(
        /^cannot read Parquet file: staff\/bad\.parquet: [a-z ]+ error$/,
      );
    });
  });
});
