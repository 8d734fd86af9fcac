import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runSql } from '../db/run-sql-file.ts';
import { arrowFromQuery } from './arrow-from-query.ts';

const LEVELS = ['nation', 'province', 'city', 'county', 'township'] as const;
const sql = (name: string) => readFile(new URL(`./shards/${name}.sql`, import.meta.url), 'utf8');

/** The shards a region publishes, by its level. */
export const REGION_SHARDS = ['gaps', 'groups', 'inequality', 'compliance', 'funding-sources'] as const;
export const COUNTY_SHARDS = ['communities', 'community-compliance'] as const;

/**
 * Writes the dashboard's Arrow shards into a version folder: `regions.arrow` (the region tree),
 * `region/<code>/<shard>.arrow` for the nation, every province, city and county with data (the region
 * and its direct children, so the national overview never fetches township or community rows),
 * community shards per county, and `search/<province>.arrow` for search by name or code.
 */
export async function writeShards(connection: DuckDBConnection, dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const put = async (path: string, data: Uint8Array) => {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, data);
    files++;
    bytes += data.byteLength;
  };
  const text = Object.fromEntries(
    await Promise.all([...REGION_SHARDS, ...COUNTY_SHARDS, 'regions', 'search'].map(async (n) => [n, await sql(n)] as const)),
  );
  await put(join(dir, 'regions.arrow'), (await arrowFromQuery(connection, text.regions!)).bytes);
  const regions = await runSql(connection, text.regions!);
  for (const region of regions) {
    const level = region.level as (typeof LEVELS)[number];
    if (level === 'township') continue;
    const code = region.code as string;
    const child = LEVELS[LEVELS.indexOf(level) + 1]!;
    const params = { region: code, level, child, prefix: code === 'CN' ? '' : code };
    for (const shard of REGION_SHARDS) {
      const { bytes: data } = await arrowFromQuery(connection, text[shard]!, pick(text[shard]!, params)).catch((e: Error) => {
        throw new Error(`${shard} of ${code}: ${e.message}`);
      });
      await put(join(dir, 'region', code, `${shard}.arrow`), data);
    }
    if (level === 'county') {
      for (const shard of COUNTY_SHARDS) {
        const { bytes: data } = await arrowFromQuery(connection, text[shard]!, { region: code });
        await put(join(dir, 'region', code, `${shard}.arrow`), data);
      }
    }
    if (level === 'province') {
      await put(join(dir, 'search', `${code}.arrow`), (await arrowFromQuery(connection, text.search!, { region: code })).bytes);
    }
  }
  return { files, bytes };
}

/** Only the parameters a statement names: DuckDB refuses unused bound names. */
function pick(statement: string, params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([k]) => statement.includes(`$${k}`)));
}

/** The manifest the dashboard reads first: what this version holds, in which years, and its labels. */
export async function writeVersionManifest(dir: string, manifest: Record<string, unknown>): Promise<void> {
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
}
