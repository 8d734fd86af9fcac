import type { UnitValue } from '../charts/group-distribution.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { measureOf } from './measure-of.ts';
import type { DataStore } from './data-store.ts';
import type { RegionTree } from './region-tree.ts';
import { localCommunities } from './local-communities.ts';
import { groupsOf, type GroupId } from '../../contract/indicators.ts';
import { regionSlice } from './region-slice.ts';

/** The units of a distribution: communities at a county or township, else the sub-regions' group values. */
export interface UnitValues {
  communities: boolean;
  rows: UnitValue[];
}

/**
 * Values of one indicator and year for the two groups of a gap: every community of a county or
 * township (from its county's shard), or, above the county, each sub-region's group value.
 */
export async function unitValues(
  store: DataStore,
  tree: RegionTree,
  region: string,
  indicator: string,
  year: number,
  groups: readonly GroupId[],
): Promise<UnitValues> {
  const level = regionLevel(region);
  if (level === 'county' || level === 'township') {
    const rows: UnitValue[] = [];
    for (const c of (await localCommunities(store, region)) ?? []) {
      if (c.year !== year) continue;
      const value = measureOf(c, indicator);
      const group = groupsOf(c).find((g) => groups.includes(g));
      if (value !== null && group) rows.push({ code: c.community_code, name: c.name, group, value });
    }
    return { communities: true, rows };
  }
  const { children } = await regionSlice(store, region, 'groups');
  return {
    communities: false,
    rows: children
      .filter((g) => g.year === year && g.indicator === indicator && groups.includes(g.group) && g.value !== null)
      .map((g) => ({ code: g.region_code, name: tree.get(g.region_code)?.name ?? g.region_code, group: g.group, value: g.value! })),
  };
}
