/**
 * The communities dataset's facts per community and year: households, population, industry support,
 * grids, satisfaction. A community's persistent traits (its profile) come from its own random stream;
 * seed places then rescale them to the seed figures (exact sums where a seed gives a total).
 */
import { CHENGDONG, WANGCANG, YIZHENG } from './calibration.ts';
import type { Community, CommunityBatch } from './community.ts';
import { chengdongReformGroups, firstYearOf, isWangcangManaged } from './places.ts';
import { rngFor, type Rng } from './random.ts';

/** A community's persistent traits. */
export interface CommunityProfile {
  community: Community;
  /** Households and population are given for this year and grow geometrically from it. */
  anchorYear: number;
  households: number;
  population: number;
  growth: number;
  areaKm2: number;
  householdsPerGrid: number;
  /** Industry support holds in a year when this draw is below that year's share. */
  industryDraw: number;
  industryType: string;
  satisfactionOffset: number;
  /** First year the community exists, when later than the run's first year. */
  firstYear: number | undefined;
  /** Wangcang: one of the seed's 40 城乡社区 under community management. */
  managed: boolean;
  /** Chengdong: the seed's reformed community (1-12) this unit belongs to. */
  reformGroup: number | undefined;
}

/** One community-year: what its communities row reports. */
export interface CommunityYear {
  profile: CommunityProfile;
  year: number;
  households: number;
  population: number;
  /** Rural only; urban rows leave it empty (unknown). */
  hasIndustry: boolean | null;
  satisfaction: number;
  grids: number;
}

/** Industry types of rural communities with industry support (invented list of common kinds). */
export const INDUSTRY_TYPES = [
  '特色种植',
  '乡村旅游',
  '农产品加工',
  '畜禽养殖',
  '光伏发电',
  '集体物业租赁',
  '农村电商',
] as const;

/**
 * Invented: share of rural communities with industry support, 28% in 2015 rising 1.5 points a year
 * (the seeds say only that some have it and some do not).
 */
export function industryShare(year: number): number {
  return Math.min(0.5, Math.max(0.15, 0.28 + 0.015 * (year - 2015)));
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * Invented generic profile: urban households log-normal around 2,600, rural around 380 (about the
 * national mean sizes of 居委会 and 村委会); 2.4-2.9 people per urban household, 2.7-3.4 rural; urban
 * growth about +1.5% a year, rural about -0.8% (out-migration).
 */
function baseProfile(community: Community, seed: number): CommunityProfile {
  const rng = rngFor(seed, 'community', community.code);
  const urban = community.urbanRural === 'urban';
  const households = Math.round(
    urban ? clamp(rng.logNormal(2_600, 0.45), 300, 12_000) : clamp(rng.logNormal(380, 0.55), 40, 4_000),
  );
  const size = urban ? rng.uniform(2.4, 2.9) : rng.uniform(2.7, 3.4);
  return {
    community,
    anchorYear: 2019,
    households,
    population: Math.round(households * size),
    growth:
      1 +
      (urban ? clamp(0.015 + 0.01 * rng.normal(), -0.01, 0.04) : clamp(-0.008 + 0.008 * rng.normal(), -0.03, 0.015)),
    areaKm2:
      Math.round((urban ? clamp(rng.logNormal(1.2, 0.6), 0.1, 15) : clamp(rng.logNormal(6, 0.6), 0.5, 80)) * 100) / 100,
    householdsPerGrid: urban ? rng.uniform(420, 640) : rng.uniform(200, 400),
    industryDraw: rng.next(),
    industryType: rng.pick(INDUSTRY_TYPES),
    satisfactionOffset: 4 * rng.normal(),
    firstYear: firstYearOf(community.code),
    managed: false,
    reformGroup: undefined,
  };
}

/** Splits an integer total into parts proportional to weights, exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]![1]]!++;
  return parts;
}

/** Seed 001: urban communities mostly of 2,000-3,000 households, the rest either side. */
function calibrateYizheng(profiles: CommunityProfile[], rng: Rng): void {
  const { min, max, share } = YIZHENG.urbanHouseholds;
  for (const p of profiles) {
    p.anchorYear = YIZHENG.year;
    if (p.community.urbanRural !== 'urban') continue;
    const size = p.population / p.households;
    if (rng.chance(share)) p.households = rng.int(min, max);
    else p.households = rng.chance(0.5) ? rng.int(1_200, min - 1) : rng.int(max + 1, 4_500);
    p.population = Math.round(p.households * size);
    p.growth = 1 + clamp(0.01 + 0.004 * rng.normal(), 0, 0.02);
    // Seed 001 art. 6: about 500 households a grid; some grids run large (the standard flags > 600).
    p.householdsPerGrid = rng.uniform(430, 680);
  }
}

/** Seed 003: the 40 managed communities hold exactly 40,727 households and 105,890 people in 2016. */
function calibrateWangcang(profiles: CommunityProfile[], rng: Rng): void {
  const managed = profiles.filter((p) => {
    p.anchorYear = WANGCANG.year;
    p.managed = isWangcangManaged(p.community.code, p.community.name, p.community.urbanRural === 'urban');
    return p.managed;
  });
  const rawHouseholds = managed.map((p) =>
    p.community.urbanRural === 'urban' ? rng.logNormal(1_300, 0.5) : rng.logNormal(700, 0.3),
  );
  const households = apportion(WANGCANG.households, rawHouseholds);
  const rawPopulation = households.map((h) => h * rng.uniform(2.35, 2.85));
  const population = apportion(WANGCANG.population, rawPopulation);
  managed.forEach((p, i) => {
    p.households = households[i]!;
    p.population = Math.max(population[i]!, households[i]!);
    p.growth = 1 + clamp(0.005 + 0.005 * rng.normal(), -0.01, 0.02);
  });
  // max() above never binds at these sizes (2.6 people a household), so the sums stay exact.
}

/**
 * Seed 002: Chengdong had 378,800 people (2015); its twelve reformed communities hold 20,000-30,000
 * each. Registry units of a reform group share the group's population; the towns' units, the industrial
 * park's virtual community and the villages share the rest.
 */
function calibrateChengdong(profiles: CommunityProfile[], rng: Rng): void {
  const groups = chengdongReformGroups(
    profiles.map((p) => ({ code: p.community.code, urban: p.community.urbanRural === 'urban' })),
  );
  const groupTotals = Array.from({ length: CHENGDONG.groups }, () =>
    rng.int(CHENGDONG.groupDraw.min, CHENGDONG.groupDraw.max),
  );
  const population = new Map<CommunityProfile, number>();
  for (let g = 1; g <= CHENGDONG.groups; g++) {
    const members = profiles.filter((p) => groups.get(p.community.code) === g);
    const parts = apportion(
      groupTotals[g - 1]!,
      members.map(() => rng.uniform(0.7, 1.3)),
    );
    members.forEach((p, i) => population.set(p, parts[i]!));
  }
  const rest = profiles.filter((p) => !groups.has(p.community.code));
  const restTotal = CHENGDONG.population - groupTotals.reduce((a, b) => a + b, 0);
  const restWeights = rest.map((p) =>
    p.community.code.startsWith('630102400')
      ? rng.uniform(300, 600)
      : p.community.urbanRural === 'urban'
        ? rng.uniform(4_000, 7_000)
        : rng.uniform(1_500, 3_000),
  );
  apportion(restTotal, restWeights).forEach((n, i) => population.set(rest[i]!, n));
  for (const p of profiles) {
    p.anchorYear = CHENGDONG.year;
    p.reformGroup = groups.get(p.community.code);
    p.population = population.get(p)!;
    p.households = Math.max(1, Math.round(p.population / rng.uniform(2.8, 3.2)));
    // Slow growth keeps the reformed communities inside 20,000-30,000 through 2024.
    p.growth = 1 + clamp(0.006 + 0.002 * rng.normal(), 0, 0.01);
  }
}

/** Profiles of a batch, with its seed place's calibration applied. */
export function communityProfiles(batch: CommunityBatch, seed: number): CommunityProfile[] {
  const profiles = batch.communities.map((c) => baseProfile(c, seed));
  const rng = rngFor(seed, 'place', batch.key);
  if (batch.place === 'yizheng') calibrateYizheng(profiles, rng);
  else if (batch.place === 'wangcang') calibrateWangcang(profiles, rng);
  else if (batch.place === 'chengdong') calibrateChengdong(profiles, rng);
  return profiles;
}

/** Whether the community exists in a year. */
export function existsIn(profile: CommunityProfile, year: number): boolean {
  return profile.firstYear === undefined || year >= profile.firstYear;
}

/** Whether a rural community has industry support in a year (undefined: urban, not reported). */
export function hasIndustryIn(profile: CommunityProfile, year: number): boolean | null {
  if (profile.community.urbanRural === 'urban') return null;
  return profile.industryDraw < industryShare(year);
}

/**
 * A community-year. Satisfaction (invented): urban about 84, rural with industry about 81, rural
 * without about 73 (seed 000: 居民的幸福感也更高 where there is industry), +0.4 a year, noise.
 */
export function communityYear(profile: CommunityProfile, year: number, seed: number): CommunityYear {
  const factor = profile.growth ** (year - profile.anchorYear);
  const households = Math.max(1, Math.round(profile.households * factor));
  const population = Math.max(households, Math.round(profile.population * factor));
  const hasIndustry = hasIndustryIn(profile, year);
  const base = hasIndustry === null ? 84 : hasIndustry ? 81 : 73;
  const noise = 1.5 * rngFor(seed, 'satisfaction', profile.community.code, year).normal();
  const satisfaction =
    Math.round(clamp(base + 0.4 * (year - 2015) + profile.satisfactionOffset + noise, 40, 99) * 10) / 10;
  const grids = Math.max(1, Math.round(households / profile.householdsPerGrid));
  return { profile, year, households, population, hasIndustry, satisfaction, grids };
}
