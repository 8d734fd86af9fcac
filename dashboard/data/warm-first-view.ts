import { shardRegion } from '../../contract/region-level.ts';
import { loadMap } from '../map/load-map.ts';
import { mapLevels } from '../map/map-levels.ts';
import type { PageId, ViewState } from '../state/view-state.ts';
import type { DataStore } from './data-store.ts';
import type { RegionTree } from './region-tree.ts';

// The pages that draw a region map, and those whose first charts read the region's groups shard.
const MAP_PAGES: ReadonlySet<PageId> = new Set(['overview', 'gaps', 'industry']);
const GROUP_PAGES: ReadonlySet<PageId> = new Set([
  'overview',
  'gaps',
  'industry',
  'facilities',
  'staffing',
  'funding',
  'standards',
]);

/**
 * Starts fetching what the first view draws first (its groups shard and its default map) as soon as
 * the region tree says the region exists (the nation: as soon as the manifest is in), instead of when
 * the page's code asks: the charts then wait for data that is already on its way. Both are cached, so the page's own requests reuse them. A
 * region without data fetches nothing, so that no request fails for it.
 */
export function warmFirstView(store: DataStore, tree: RegionTree | null, state: ViewState): void {
  const shard = shardRegion(state.region);
  // The nation has data whenever anything does; any other region waits for the tree to say so.
  if (tree ? !tree.get(shard) : shard !== 'CN') return;
  if (GROUP_PAGES.has(state.page)) store.region(shard, 'groups').catch(() => undefined);
  const level = mapLevels(state.region)[0];
  if (MAP_PAGES.has(state.page) && level) loadMap(state.region, level).catch(() => undefined);
}
