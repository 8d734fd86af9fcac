import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSql, runSqlFile } from '../db/run-sql-file.ts';
import { arrowFromQuery, writeArrowShards } from './arrow-from-query.ts';

const sql = (name: string) => readFile(new URL(`./shards/${name}.sql`, import.meta.url), 'utf8');

/** The shards a region publishes (nation to county), and the ones only counties publish. */
export const REGION_SHARDS = ['gaps', 'groups', 'inequality', 'compliance', 'funding-sources'] as const;
export const COUNTY_SHARDS = ['communities', 'community-compliance'] as const;

/**
 * Writes the dashboard's Arrow shards into a version folder: `regions.arrow` (the region tree),
 * `region/<code>/<shard>.arrow` for the nation and every province, city and county with data (the
 * region and its direct children, so the national overview never fetches township or community rows),
 * community shards per county, and `search/<province>.arrow` for search by name or code.
 */
export async function writeShards(connection: DuckDBConnection, dir: string): Promise<{ files: number; bytes: number }> {
  await runSqlFile(connection, new URL('./shards/shard-macros.sql', import.meta.url));
  const regionsSql = await sql('regions');
  const tree = await arrowFromQuery(connection, regionsSql);
  await writeFile(join(dir, 'regions.arrow'), tree.bytes);
  let files = 1;
  let bytes = tree.bytes.byteLength;
  const regions = await runSql(connection, regionsSql);
  const codes = (levels: string[]) => regions.filter((r) => levels.includes(r.level as string)).map((r) => r.code as string);
  const plan: [string, string, string[]][] = [
    ...REGION_SHARDS.map((s): [string, string, string[]] => [s, `region/{}/${s}.arrow`, codes(['nation', 'province', 'city', 'county'])]),
    ...COUNTY_SHARDS.map((s): [string, string, string[]] => [s, `region/{}/${s}.arrow`, codes(['county'])]),
    ['search', 'search/{}.arrow', codes(['province'])],
  ];
  for (const [name, pattern, expected] of plan) {
    const wanted = new Set(expected);
    const out = await writeArrowShards(connection, await sql(name), (shard) => join(dir, pattern.replace('{}', shard)), wanted);
    files += out.files;
    bytes += out.bytes;
  }
  return { files, bytes };
}

/** The manifest the dashboard reads first: what this version holds, in which years, and its labels. */
export async function writeVersionManifest(dir: string, manifest: Record<string, unknown>): Promise<void> {
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}
