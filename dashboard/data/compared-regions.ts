import { compareCodes, MAX_COMPARED } from '../state/compare-param.ts';
import type { ViewState } from '../state/view-state.ts';
import type { RegionTree } from './region-tree.ts';

/** The regions a comparison shows: the URL's list, else the selected region and its parent. */
export function comparedRegions(ctx: { state: ViewState; tree: RegionTree }): string[] {
  const listed = compareCodes(ctx.state.compare).filter((code) => ctx.tree.get(code));
  if (listed.length) return listed;
  const region = ctx.tree.get(ctx.state.region.length === 12 ? ctx.state.region.slice(0, 9) : ctx.state.region);
  if (!region) return ['CN'];
  return [region.code, ...(region.parent ? [region.parent] : [])].slice(0, MAX_COMPARED);
}

