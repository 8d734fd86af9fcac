import { link, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Manifest } from '../../contract/published-types.ts';
import { fillIdentifiers, runSql, runSqlFile } from '../db/run-sql-file.ts';
import { CATALOGUE_COLUMNS } from '../models/catalogue-columns.ts';

const sql = async (name: string) =>
  fillIdentifiers(await readFile(new URL(`./shards/${name}.sql`, import.meta.url), 'utf8'), CATALOGUE_COLUMNS);

/**
 * The shards a region publishes (nation to county), and the ones only counties publish. Gaps are not
 * among them: readers derive them from the groups (core/metrics/gaps-from-groups.ts).
 */
export const REGION_SHARDS = ['groups', 'inequality', 'compliance', 'funding-sources'] as const;
export const COUNTY_SHARDS = ['communities', 'community-compliance'] as const;

/** Shards to take from an earlier version instead of building: that version's folder and the unchanged regions. */
export interface ShardReuse {
  from: string;
  /** Region codes (nation to county) whose shards are unchanged since that version. */
  unchanged: ReadonlySet<string>;
}

/** What writeShards wrote: files and bytes in all, and how many of the files were taken over unchanged. */
export interface ShardSummary {
  files: number;
  bytes: number;
  reused: number;
}

/**
 * Writes the dashboard's Arrow shards into a version folder: `regions.arrow` (the region tree),
 * `region/<code>/<shard>.arrow` for the nation and every province, city and county with data (the
 * region and its direct children, so the national overview never fetches township or community rows),
 * community shards per county, and `search/<province>.arrow` for search by name or code.
 * With `reuse`, an unchanged region's files are hard-linked from the earlier version and only the
 * other regions' shards are built; a file that cannot be linked is built instead.
 */
export async function writeShards(
  connection: DuckDBConnection,
  dir: string,
  reuse?: ShardReuse,
): Promise<ShardSummary> {
  // apache-arrow loads in about half a second: a run that publishes nothing should not pay it.
  const { arrowFromQuery, writeArrowShards } = await import('./arrow-from-query.ts');
  await runSqlFile(connection, new URL('../models/macros.sql', import.meta.url));
  await runSqlFile(connection, new URL('./shards/shard-macros.sql', import.meta.url));
  const regionsSql = await sql('regions');
  const tree = await arrowFromQuery(connection, regionsSql);
  await writeFile(join(dir, 'regions.arrow'), tree.bytes);
  const summary: ShardSummary = { files: 1, bytes: tree.bytes.byteLength, reused: 0 };
  const regions = await runSql(connection, regionsSql);
  const codes = (levels: string[]) =>
    regions.filter((r) => levels.includes(r.level as string)).map((r) => r.code as string);
  const plan: [string, string, string[]][] = [
    ...REGION_SHARDS.map((s): [string, string, string[]] => [
      s,
      `region/{}/${s}.arrow`,
      codes(['nation', 'province', 'city', 'county']),
    ]),
    ...COUNTY_SHARDS.map((s): [string, string, string[]] => [s, `region/{}/${s}.arrow`, codes(['county'])]),
    ['search', 'search/{}.arrow', codes(['province'])],
  ];
  for (const [name, pattern, expected] of plan) {
    const path = (base: string, shard: string) => join(base, pattern.replace('{}', shard));
    const build: string[] = [];
    for (const shard of expected) {
      if (reuse?.unchanged.has(shard) && (await linkInto(path(reuse.from, shard), path(dir, shard)))) {
        summary.files++;
        summary.bytes += (await stat(path(dir, shard))).size;
        summary.reused++;
      } else build.push(shard);
    }
    if (build.length === 0) continue;
    await runSqlFile(connection, new URL('./select-shards.sql', import.meta.url), {
      params: { shards: listValue(build) },
    });
    const out = await writeArrowShards(connection, await sql(name), (shard) => path(dir, shard), new Set(build));
    summary.files += out.files;
    summary.bytes += out.bytes;
  }
  return summary;
}

/** Hard-links an earlier version's file into the new one; false when there is none to link. */
async function linkInto(from: string, to: string): Promise<boolean> {
  try {
    await mkdir(dirname(to), { recursive: true });
    await link(from, to);
    return true;
  } catch {
    return false;
  }
}

/** The manifest the dashboard reads first: what this version holds, in which years, and its labels. */
export async function writeVersionManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}
