import type { CommunityRow } from '../../contract/published-types.ts';

/** A measure of a community-year as a number, or null when unknown. */
export function measureOf(row: CommunityRow, measure: string): number | null {
  // Measures are named at run time (the URL, a standard's checks): look the column up by name.
  const value = (row as Readonly<Record<string, unknown>>)[measure];
  return typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'boolean' ? Number(value) : null;
}
