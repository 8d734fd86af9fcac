import { median } from 'd3';
import { narrowestGroup } from '../../contract/indicators.ts';
import type { CommunityRow } from '../../contract/published-types.ts';
import { measureOf } from './measure-of.ts';

/** A community's value beside its group's median in the county and its township's median. */
export interface ProfileLine {
  id: string;
  value: number | null;
  groupMedian: number | null;
  townshipMedian: number | null;
}

/**
 * A community-year's measures beside the medians of its peers: the county's community-years of its
 * narrowest group, and its township's, in the same year. Computed here from the county shard, so
 * the pipeline publishes no profile table.
 */
export function communityProfile(
  county: readonly CommunityRow[],
  row: CommunityRow,
  measures: readonly string[],
): ProfileLine[] {
  const group = narrowestGroup(row);
  const peers = county.filter((c) => c.year === row.year && narrowestGroup(c) === group);
  const township = county.filter((c) => c.year === row.year && c.township_code === row.township_code);
  return measures.map((id) => ({
    id,
    value: measureOf(row, id),
    groupMedian: median(peers.map((c) => measureOf(c, id))) ?? null,
    townshipMedian: median(township.map((c) => measureOf(c, id))) ?? null,
  }));
}
