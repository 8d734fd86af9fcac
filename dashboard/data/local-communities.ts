import { regionLevel } from '../../contract/region-level.ts';
import type { DataStore } from './data-store.ts';
import type { CommunityRow } from '../../contract/published-types.ts';

/**
 * The community-years within a region, from its county's communities shard; null above the county,
 * where pages never load community rows.
 */
export async function localCommunities(store: DataStore, code: string): Promise<CommunityRow[] | null> {
  const level = regionLevel(code);
  if (level !== 'county' && level !== 'township' && level !== 'community') return null;
  const rows = await store.county(code.slice(0, 6), 'communities');
  return level === 'county' ? rows : rows.filter((r) => r.community_code.startsWith(code));
}
