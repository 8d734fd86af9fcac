import type { CommunityRow, GroupId } from '../../contract/published-types.ts';

/** The groups a community-year belongs to: urban, or rural plus its industry group when known. */
export function communityGroups(row: Pick<CommunityRow, 'urban_rural' | 'has_industry'>): GroupId[] {
  if (row.urban_rural === 'urban') return ['urban'];
  if (row.has_industry === true) return ['rural', 'rural_industry'];
  if (row.has_industry === false) return ['rural', 'rural_no_industry'];
  return ['rural'];
}

/** The narrowest group of a community-year, for colouring it. */
export function primaryGroup(row: Pick<CommunityRow, 'urban_rural' | 'has_industry'>): GroupId {
  return communityGroups(row).at(-1)!;
}

/** A measure of a community-year as a number, or null when unknown. */
export function measureOf(row: CommunityRow, measure: string): number | null {
  const value = row[measure];
  return typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'boolean' ? Number(value) : null;
}
