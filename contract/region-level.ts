/** The region levels (docs/indicators.md), from the nation down to one community. */
export const LEVELS = ['nation', 'province', 'city', 'county', 'township', 'community'] as const;

/** One level of the region hierarchy. */
export type Level = (typeof LEVELS)[number];

const BY_LENGTH: Record<number, Level> = { 2: 'province', 4: 'city', 6: 'county', 9: 'township', 12: 'community' };
const LENGTH: Record<Level, number> = { nation: 0, province: 2, city: 4, county: 6, township: 9, community: 12 };

/** The level of a region code: 'CN' is the nation, otherwise the code's length says it. */
export function regionLevel(code: string): Level {
  return code === 'CN' ? 'nation' : (BY_LENGTH[code.length] ?? 'nation');
}

/** The codes of a region's ancestors, nation first, ending with the region itself. */
export function regionPath(code: string): string[] {
  const level = regionLevel(code);
  const path = ['CN'];
  for (const l of LEVELS.slice(1, LEVELS.indexOf(level) + 1)) path.push(code.slice(0, LENGTH[l]));
  return path;
}

/**
 * The region whose published shards hold a region's figures: itself down to the county; a township's
 * figures are rows of its county's shards, and a community's come from its county's communities shard.
 */
export function shardRegion(code: string): string {
  const level = regionLevel(code);
  return level === 'township' || level === 'community' ? code.slice(0, 6) : code;
}

/** The level below, or null for a community. */
export function childLevel(level: Level): Level | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}
