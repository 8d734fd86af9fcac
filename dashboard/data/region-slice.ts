import { childLevel, regionLevel, shardRegion } from '../../contract/region-level.ts';
import type { DataStore, RegionShards } from './data-store.ts';

/** A region's own rows of a shard, and its direct children's. */
export interface RegionSlice<Row> {
  own: Row[];
  children: Row[];
}

/**
 * The rows of a region shard for one region: its own and its children's. A township's rows come from
 * its county's shard, where townships are the children; a township's children (communities) are not in
 * region shards at all.
 */
export async function regionSlice<K extends Exclude<keyof RegionShards, 'funding-sources'>>(
  store: DataStore,
  code: string,
  shard: K,
): Promise<RegionSlice<RegionShards[K]>> {
  const rows = await store.region(shardRegion(code), shard);
  const level = regionLevel(code);
  const child = childLevel(level);
  const prefix = code === 'CN' ? '' : code;
  const own: RegionShards[K][] = [];
  const children: RegionShards[K][] = [];
  for (const row of rows) {
    if (row.region_code === code && row.level === level) own.push(row);
    else if (level !== 'township' && row.level === child && row.region_code.startsWith(prefix)) children.push(row);
  }
  return { own, children };
}
