/**
 * Which facilities each community has in each year. Coverage is set by quota, not coin flips: in each
 * group of a batch (a county's urban or rural communities, or a seed place's calibration group) exactly
 * round(share × n) communities have a facility type, the ones ranking highest on a persistent score. So a
 * county's coverage tracks the path to the rounding, a facility once built tends to stay, and rural
 * communities with industry support, which get a bonus, lead those without (seed 000).
 */
import { FACILITY_ANCHORS, YIZHENG, type FacilityAnchor } from './calibration.ts';
import { existsIn, hasIndustryIn, type CommunityProfile } from './communities.ts';
import { facilityPath } from './coverage-path.ts';
import { FACILITY_TYPES, type FacilityType } from './facility-types.ts';
import type { PlaceId } from './places.ts';
import { rngFor } from './random.ts';

/** A community's persistent facility traits. */
export interface FacilityTraits {
  development: number;
  typeDraws: Record<FacilityType, number>;
  /** Service-centre floor area, m², whenever it has one. */
  serviceArea: number;
  /** Whether its service centre has a safety issue (seed 000's cramped urban activity rooms). */
  safetyIssue: boolean;
}

/** Facilities of one community-year: a bit per type in FACILITY_TYPES order. */
export type FacilitySet = number;

/** Whether a facility set includes a type. */
export function hasFacility(set: FacilitySet, type: FacilityType): boolean {
  return (set & (1 << FACILITY_TYPES.indexOf(type))) !== 0;
}

/** Seed 001 art. 7's standard: max(400 m², 20 m² per 100 households). */
export function serviceAreaStandard(households: number): number {
  return Math.max(YIZHENG.serviceArea.minimum, (YIZHENG.serviceArea.per100Households * households) / 100);
}

/**
 * Invented: urban centres are sized around the standard (60% at or above it, the rest 50-99% of it);
 * Yizheng, which set the standard, builds to it more often (75%); rural centres outside Yizheng are
 * 120-600 m².
 */
export function facilityTraits(profile: CommunityProfile, seed: number): FacilityTraits {
  const rng = rngFor(seed, 'facility', profile.community.code);
  const development = rng.next();
  const typeDraws = {} as Record<FacilityType, number>;
  for (const type of FACILITY_TYPES) typeDraws[type] = rng.next();
  const place = profile.community.place;
  const urban = profile.community.urbanRural === 'urban';
  const standard = serviceAreaStandard(profile.households);
  let serviceArea: number;
  if (place === 'yizheng') {
    const below = rng.chance(YIZHENG.serviceArea.belowShare);
    serviceArea = standard * (below ? rng.uniform(0.75, 0.99) : rng.uniform(1, 1.35));
  } else if (urban) {
    serviceArea = standard * (rng.chance(0.6) ? rng.uniform(1, 1.5) : rng.uniform(0.5, 0.99));
  } else {
    serviceArea = rng.uniform(120, 600);
  }
  const safetyShare = place === 'tongchuan' && urban ? 0.15 : urban ? 0.06 : 0.04;
  return { development, typeDraws, serviceArea: Math.round(serviceArea), safetyIssue: rng.chance(safetyShare) };
}

type Group = FacilityAnchor['group'];

/** The calibration group a community falls in for a facility type. */
function groupOf(profile: CommunityProfile, type: FacilityType): Group {
  const place = profile.community.place;
  if (place === 'wangcang') return profile.managed ? 'managed' : 'other';
  if (place === 'yizheng' && type === 'smart_platform') return 'all';
  return profile.community.urbanRural;
}

function anchorFor(place: PlaceId | undefined, group: Group, type: FacilityType): FacilityAnchor | undefined {
  if (!place) return undefined;
  return FACILITY_ANCHORS.find((a) => a.place === place && a.group === group && a.type === type);
}

const meanPath = (members: readonly CommunityProfile[], type: FacilityType, year: number): number =>
  members.reduce((s, p) => s + facilityPath(type, p.community.urbanRural, year), 0) / members.length;

/**
 * How many of a group have the type in a year: the anchor's count or share in its year, and in other
 * years the path shifted by the anchor's offset from it (so the place keeps its lead or lag).
 */
function quota(
  members: readonly CommunityProfile[],
  all: readonly CommunityProfile[],
  type: FacilityType,
  year: number,
  anchor: FacilityAnchor | undefined,
): number {
  const n = members.length;
  if (!anchor) return Math.round(meanPath(members, type, year) * n);
  if (year === anchor.year) return anchor.count ?? Math.round(anchor.share! * n);
  const atAnchor = all.filter((p) => existsIn(p, anchor.year));
  const anchorShare = anchor.count !== undefined ? anchor.count / atAnchor.length : anchor.share!;
  const offset = anchorShare - meanPath(atAnchor, type, anchor.year);
  return Math.round(Math.min(1, Math.max(0, meanPath(members, type, year) + offset)) * n);
}

/** Ranking score: development and the type's own draw; industry support adds a lead in rural communities. */
function score(profile: CommunityProfile, traits: FacilityTraits, type: FacilityType, year: number): number {
  const bonus = hasIndustryIn(profile, year) ? 0.3 : 0;
  return 0.6 * traits.development + 0.4 * traits.typeDraws[type] + bonus;
}

/**
 * The facility sets of a batch: `sets.get(code)[year - firstYear]`. Groups are formed per type and year
 * over the communities existing that year.
 */
export function facilitySets(
  profiles: readonly CommunityProfile[],
  traits: ReadonlyMap<string, FacilityTraits>,
  years: readonly number[],
): Map<string, FacilitySet[]> {
  const sets = new Map<string, FacilitySet[]>(profiles.map((p) => [p.community.code, years.map(() => 0)]));
  FACILITY_TYPES.forEach((type, bit) => {
    const byGroup = new Map<Group, CommunityProfile[]>();
    for (const p of profiles) {
      const g = groupOf(p, type);
      const list = byGroup.get(g);
      if (list) list.push(p);
      else byGroup.set(g, [p]);
    }
    for (const [group, all] of byGroup) {
      const anchor = anchorFor(all[0]!.community.place, group, type);
      years.forEach((year, yi) => {
        const members = all.filter((p) => existsIn(p, year));
        if (members.length === 0) return;
        const k = Math.min(members.length, quota(members, all, type, year, anchor));
        const ranked = members
          .map((p) => [score(p, traits.get(p.community.code)!, type, year), p.community.code] as const)
          .sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
        for (let i = 0; i < k; i++) {
          const row = sets.get(ranked[i]![1])!;
          row[yi] = row[yi]! | (1 << bit);
        }
      });
    }
  });
  return sets;
}
