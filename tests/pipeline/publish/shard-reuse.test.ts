import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { rollback } from '../../../pipeline/publish/rollback.ts';
import { runPipeline, type PipelineResult } from '../../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

/**
 * An Arrow file's schema and rows, doubles to 12 significant digits: DuckDB's sums and deviations
 * may differ in the last bit with the order rows were loaded in, which differs between an
 * incremental run and a full refresh.
 */
function decoded(path: string): unknown {
  const table = tableFromIPC(readFileSync(path));
  const round = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v);
  return {
    schema: table.schema.fields.map((f) => `${f.name}:${f.type}`),
    rows: table.toArray().map((row) => Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, round(v)]))),
  };
}

/** Every file of a published version, by path within it. */
function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

// The hand-made inbox has two counties of Tongchuan: 王益区 610202 and 耀州区 610204. A new funding
// file for one 王益区 community changes 王益区, Tongchuan, Shaanxi and the nation, and nothing of 耀州区.
describe('a run that changes one county', () => {
  const dir = tempDir('cb-shard-reuse-');
  const inbox = join(dir, 'inbox');
  const logger = memoryLogger();
  const run = (name: string, fullRefresh = false) =>
    runPipeline({
      inbox,
      warehouse: join(dir, name, 'w.duckdb'),
      site: join(dir, name, 'site'),
      saltPath: join(dir, 'salt'),
      fullRefresh,
      now: FIXTURE_NOW,
      logger,
    });
  const version = (name: string, r: PipelineResult) => join(dir, name, 'site', 'data', r.version);
  let first: PipelineResult;
  let second: PipelineResult;
  let full: PipelineResult;

  beforeAll(async () => {
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    first = await run('nightly');
    writeFileSync(
      join(inbox, 'funding', 'funding_2020.csv'),
      'community_code,year,source,category,amount\n610202005001,2020,linked_units,service,12000\n',
    );
    logger.lines.length = 0;
    second = await run('nightly');
    full = await run('full', true);
  });

  it('takes the unchanged county’s shards over from the live version, as the same files on disk', () => {
    const inode = (r: PipelineResult, path: string) => statSync(join(version('nightly', r), path)).ino;
    for (const shard of [
      'groups',
      'inequality',
      'compliance',
      'funding-sources',
      'communities',
      'community-compliance',
    ]) {
      expect(inode(second, `region/610204/${shard}.arrow`), shard).toBe(inode(first, `region/610204/${shard}.arrow`));
      expect(inode(second, `region/610202/${shard}.arrow`), shard).not.toBe(
        inode(first, `region/610202/${shard}.arrow`),
      );
    }
    for (const region of ['CN', '61', '6102'])
      expect(inode(second, `region/${region}/groups.arrow`)).not.toBe(inode(first, `region/${region}/groups.arrow`));
    expect(logger.lines).toContain(`shards: 6 of 26 files unchanged since version ${first.version}, linked`);
  });

  it('publishes every shard with the same columns and rows as a full refresh of the same inbox', () => {
    const ours = files(version('nightly', second)).filter((f) => f.endsWith('.arrow'));
    expect(ours).toEqual(files(version('full', full)).filter((f) => f.endsWith('.arrow')));
    // regions, 4 shards for each of CN, 61, 6102 and the two counties, 2 community shards per county, search.
    expect(ours.length).toBe(1 + 4 * 5 + 2 * 2 + 1);
    for (const file of ours)
      expect(decoded(join(version('nightly', second), file)), file).toEqual(decoded(join(version('full', full), file)));
  });

  it('builds every shard afresh after a rollback, since the live version is no longer the last one built', async () => {
    await rollback(join(dir, 'nightly', 'site'), first.version);
    writeFileSync(
      join(inbox, 'funding', 'funding_2021.csv'),
      'community_code,year,source,category,amount\n610204100201,2020,donation,other,500\n',
    );
    logger.lines.length = 0;
    const third = await run('nightly');
    expect(logger.lines.some((l) => l.startsWith('shards: '))).toBe(false);
    const inode = (r: PipelineResult) => statSync(join(version('nightly', r), 'region/610202/groups.arrow')).ino;
    expect(inode(third)).not.toBe(inode(second));
  });
});
