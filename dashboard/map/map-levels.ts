import type { MapLevel } from '../../contract/map-files.ts';
import { regionLevel } from '../../contract/region-level.ts';

/** The map levels a region can show, the default first: its children, and for a province also its counties. */
export function mapLevels(region: string): MapLevel[] {
  const level = regionLevel(region);
  if (level === 'nation') return ['province'];
  if (level === 'province') return ['city', 'county'];
  if (level === 'city') return ['county'];
  return [];
}
