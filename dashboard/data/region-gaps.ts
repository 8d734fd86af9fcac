import type { DataStore } from './data-store.ts';
import { withEmptyGroups, type MemberGapRow } from './empty-groups.ts';
import { regionSlice, type RegionSlice } from './region-slice.ts';

/** A region's gaps and its children's, each knowing whether a group of it has no communities. */
export async function regionGaps(store: DataStore, code: string): Promise<RegionSlice<MemberGapRow>> {
  const { own, children } = await regionSlice(store, code, 'gaps');
  return { own: withEmptyGroups(own), children: withEmptyGroups(children) };
}
