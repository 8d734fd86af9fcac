import type { BriefCommunity } from './brief-community.ts';

const TYPES = [
  'cov_service_center',
  'cov_elder_daycare',
  'cov_elder_home',
  'cov_health_room',
  'cov_culture_room',
  'cov_library',
  'cov_fitness',
  'cov_smart_platform',
] as const;

/** How many of the eight facility types a reported community-year has (0-8); undefined when not reported. */
export function facilityCount(row: BriefCommunity): number | undefined {
  if (!row.facilities_reported) return undefined;
  return TYPES.reduce((n, t) => n + (row[t] === 1 ? 1 : 0), 0);
}
