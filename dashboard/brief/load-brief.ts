import type { BriefModel, PeerScope } from '../../core/brief/brief-model.ts';
import type { GapRow, GroupRow } from '../../contract/published-types.ts';
import { buildBrief, MIN_PEERS, peerRegionCount } from '../../core/brief/build-brief.ts';
import { regionLevel } from '../../contract/region-level.ts';
import type { DataStore } from '../data/data-store.ts';
import type { RegionTree } from '../data/region-tree.ts';
import type { BriefNames } from './brief-document.ts';
import { loadBriefMap, type BriefMap } from './brief-map.ts';

/** The levels a brief is made for. */
export type BriefLevel = BriefModel['region']['level'];

/** Whether a region code is one a brief is made for, and at which level. */
export function briefLevel(code: string): BriefLevel | null {
  const level = regionLevel(code);
  return level === 'province' || level === 'city' || level === 'county' ? level : null;
}

/** The scopes to try for peers, nearest first, and the regions whose shards hold each scope's peers. */
function peerScopes(tree: RegionTree, code: string, level: BriefLevel): { scope: PeerScope; shards: string[] }[] {
  const cities = (province: string) => tree.children(province).map((r) => r.code);
  const provinces = tree.children('CN').map((r) => r.code);
  if (level === 'province') return [{ scope: 'nation', shards: ['CN'] }];
  if (level === 'city')
    return [
      { scope: 'parent', shards: [code.slice(0, 2)] },
      { scope: 'nation', shards: provinces },
    ];
  return [
    { scope: 'parent', shards: [code.slice(0, 4)] },
    { scope: 'province', shards: cities(code.slice(0, 2)) },
    { scope: 'nation', shards: provinces.flatMap(cities) },
  ];
}

/**
 * Loads what a brief needs from the published shards and builds its model: the region's communities,
 * its standards outcomes, and its peers — the regions of its level under the same parent, or, when
 * fewer than MIN_PEERS of them have data that year, those of its province, then of the nation.
 */
export async function loadBrief(
  store: DataStore,
  tree: RegionTree,
  code: string,
  year: number,
): Promise<{ model: BriefModel; names: BriefNames; map: BriefMap | null }> {
  const level = briefLevel(code);
  if (!level) throw new Error(`not a province, city or county: ${code}`);
  const counties =
    level === 'county'
      ? [code]
      : level === 'city'
        ? tree.children(code).map((r) => r.code)
        : tree.children(code).flatMap((c) => tree.children(c.code).map((r) => r.code));
  const [compliance, inequality, communityParts, complianceParts, map] = await Promise.all([
    store.region(code, 'compliance'),
    store.region(code, 'inequality'),
    Promise.all(counties.map((c) => store.county(c, 'communities'))),
    Promise.all(counties.map((c) => store.county(c, 'community-compliance'))),
    loadBriefMap(store, code, level, year),
  ]);
  let chosen: { scope: PeerScope; groups: GroupRow[]; gaps: GapRow[] } | undefined;
  for (const { scope, shards } of peerScopes(tree, code, level)) {
    const [groups, gaps] = await Promise.all([
      Promise.all(shards.map((s) => store.region(s, 'groups'))),
      Promise.all(shards.map((s) => store.region(s, 'gaps'))),
    ]);
    chosen = {
      scope,
      groups: groups.flat(),
      gaps: gaps.flat(),
    };
    if (peerRegionCount(chosen.groups, { code, level }, year) >= MIN_PEERS) break;
  }
  const communities = communityParts.flat();
  const townships = new Map(counties.flatMap((c) => tree.children(c).map((t) => [t.code, t.name] as const)));
  const parent = level === 'province' ? 'CN' : level === 'city' ? code.slice(0, 2) : code.slice(0, 4);
  const model = buildBrief({
    region: { code, name: tree.get(code)?.name ?? code, level, parentName: tree.get(parent)?.name ?? null },
    year,
    years: store.manifest.years,
    synthetic: store.synthetic,
    generatedAt: store.current.generated_at,
    communities,
    peerScope: chosen!.scope,
    groups: chosen!.groups,
    gaps: chosen!.gaps,
    theilBetweenShare: new Map(
      inequality
        .filter((r) => r.region_code === code && r.indicator === 'funding_per_household')
        .map((r) => [r.year, r.between_share ?? null] as const),
    ),
    regionCompliance: compliance,
    communityCompliance: complianceParts.flat(),
    standards: store.manifest.standards,
    townships,
  });
  return {
    model,
    map,
    names: {
      communities: new Map(communities.map((r) => [r.community_code, r.name])),
      townships,
      standards: store.manifest.standards,
      place: (c) => tree.get(c)?.name ?? c,
    },
  };
}
