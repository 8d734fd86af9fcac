/**
 * The staff roster: each community's workers simulated over the run, one posting per worker and
 * community (docs/inbox.md). Slots per role follow the community's size; workers leave at a yearly hazard
 * (young graduate hires most often, seed 000) and at committee elections (2015, 2018, 2021; Xinzhou's
 * 2020 pilot, seed 004); vacancies are refilled after a gap.
 */
import { TONGCHUAN, XINZHOU } from './calibration.ts';
import { apportion, existsIn, type CommunityProfile } from './communities.ts';
import { dayOf, yearOfDay } from './dates.ts';
import { rngFor, type Rng } from './random.ts';
import { provinceFactor } from './wages.ts';
import { workerId } from './worker-id.ts';

/** A worker's role (docs/inbox.md). */
export type Role = 'secretary' | 'director' | 'committee' | 'full_time' | 'grid';

export const ROLES: readonly Role[] = ['secretary', 'director', 'committee', 'full_time', 'grid'];

/** One roster row: a worker's posting in a community. Dates are day numbers. */
export interface Posting {
  workerId: string;
  code: string;
  role: Role;
  hiredOn: number;
  leftOn: number | null;
  leaveReason: string;
  monthlyWage: number;
  /** 五险一金; null when the bureau left it blank. */
  insured: boolean | null;
  education: string;
  birthYear: number;
  /** Hired under 30 with a college degree into a full-time post: seed 000's high-turnover group. */
  youngGraduate: boolean;
}

/** What the simulation needs beyond the community. */
export interface RosterContext {
  seed: number;
  years: readonly number[];
  /** Day numbers of planned full-time hires (Tongchuan's 445 recruits of 2014-2018). */
  plannedHires: readonly number[] | undefined;
  /** The county's average annual wage in a year (Xinzhou's 2022 pay rule). */
  countyWage: (year: number) => number;
}

/** A community's roster and the next free posting number (bad rows take ids from there). */
export interface Roster {
  postings: Posting[];
  nextPosting: number;
}

/** Years of village and residents' committee elections: three-year terms, then five from 2021. */
const ELECTIONS = [2015, 2018, 2021];

const ELECTED: ReadonlySet<Role> = new Set(['secretary', 'director', 'committee']);

/** Invented 2015 monthly pay levels, yuan, [urban, rural]; they grow 6% a year. */
const PAY_2015: Readonly<Record<Role, readonly [number, number]>> = {
  secretary: [3_200, 2_000],
  director: [3_000, 1_800],
  committee: [2_600, 1_300],
  full_time: [2_400, 1_900],
  grid: [2_000, 1_200],
};

/**
 * Invented 五险一金 shares, [urban, rural]: near-universal for urban staff, low for rural 两委
 * (seed 000: 很多农村社区“两委”成员没有缴纳“五险一金”).
 */
const INSURED: Readonly<Record<Role, readonly [number, number]>> = {
  secretary: [0.9, 0.5],
  director: [0.9, 0.45],
  committee: [0.88, 0.25],
  full_time: [0.95, 0.75],
  grid: [0.8, 0.35],
};

const GRADUATE_EDUCATION = [
  ['大专', 0.55],
  ['本科', 0.42],
  ['硕士', 0.03],
] as const;
const RURAL_EDUCATION = [
  ['初中', 0.2],
  ['高中', 0.35],
  ['中专', 0.2],
  ['大专', 0.18],
  ['本科', 0.07],
] as const;
const URBAN_EDUCATION = [
  ['高中', 0.2],
  ['中专', 0.15],
  ['大专', 0.4],
  ['本科', 0.25],
] as const;
const LATER_EDUCATION = [
  ['高中', 0.15],
  ['中专', 0.15],
  ['大专', 0.4],
  ['本科', 0.3],
] as const;
const GRADUATE_REASONS = [
  ['辞职(待遇低)', 0.45],
  ['考录公务员/事业单位', 0.35],
  ['升学', 0.1],
  ['外出就业', 0.1],
] as const;
const OTHER_REASONS = [
  ['辞职', 0.5],
  ['工作调动', 0.3],
  ['家庭原因', 0.2],
] as const;

const round10 = (x: number): number => Math.round(x / 10) * 10;

/** Election years of a community: Xinzhou's pilot communities voted in 2020 instead of 2021. */
function electionYears(profile: CommunityProfile, rng: Rng): number[] {
  if (profile.community.place === 'xinzhou' && rng.chance(XINZHOU.pilotElectionShare)) return [2015, 2018, 2020];
  return ELECTIONS;
}

/**
 * Slots per role in a year. Invented: one secretary, one director (until a 一肩挑 election merges the
 * posts), 2-4 other committee members, urban full-time staff about one per 900 households, urban grid
 * workers one per grid as grids are staffed up to 2020, rural grid workers from 2018 in larger villages.
 */
function slots(profile: CommunityProfile, role: Role, year: number, mergedFrom: number | undefined): number {
  const urban = profile.community.urbanRural === 'urban';
  const households = profile.households * profile.growth ** (year - profile.anchorYear);
  switch (role) {
    case 'secretary':
      return 1;
    case 'director':
      return mergedFrom !== undefined && year >= mergedFrom ? 0 : 1;
    case 'committee':
      return urban ? (profile.households > 3_000 ? 4 : 3) : profile.households > 600 ? 3 : 2;
    case 'full_time':
      return urban ? Math.min(8, Math.max(1, Math.round(profile.households / 900))) : profile.households > 800 ? 1 : 0;
    case 'grid': {
      if (!urban) return year >= 2018 && profile.households > 400 ? 1 : 0;
      const staffed = Math.min(1, Math.max(0.6, 0.6 + 0.08 * (year - 2015)));
      return Math.round(Math.max(1, Math.round(households / profile.householdsPerGrid)) * staffed);
    }
  }
}

/** Invented yearly separation hazards outside elections; Tongchuan's graduates leave faster (seed 000). */
function hazard(p: Posting, year: number, place: CommunityProfile['community']['place']): number {
  if (ELECTED.has(p.role)) return year - p.birthYear >= 60 ? 0.35 : 0.03;
  if (p.role === 'full_time') return p.youngGraduate ? (place === 'tongchuan' ? TONGCHUAN.graduateHazard : 0.3) : 0.07;
  return 0.12;
}

/**
 * Seed 000: Tongchuan recruited 445 full-time workers over five years (2014-2018). The demo spreads
 * them evenly over the years, to communities in proportion to their full-time slots (villages get few),
 * hired in the summer after graduation.
 */
export function plannedFullTimeHires(
  profiles: readonly CommunityProfile[],
  seed: number,
  firstSimulatedYear: number,
): Map<string, number[]> {
  const plan = new Map<string, number[]>();
  const { from, to, count } = TONGCHUAN.fullTimeHires;
  if (firstSimulatedYear > from) return plan;
  const rng = rngFor(seed, 'tongchuan-recruitment');
  const perYear = apportion(
    count,
    Array.from({ length: to - from + 1 }, () => 1),
  );
  perYear.forEach((n, i) => {
    const year = from + i;
    const weighted = profiles
      .filter((p) => existsIn(p, year))
      .map(
        (p) =>
          [
            p.community.code,
            p.community.urbanRural === 'urban' ? Math.min(8, Math.max(1, p.households / 900)) : 0.15,
          ] as const,
      );
    for (let k = 0; k < n; k++) {
      const code = rng.weighted(weighted);
      const list = plan.get(code) ?? [];
      list.push(dayOf(year, 7, 1) + rng.int(0, 75));
      plan.set(code, list);
    }
  });
  for (const list of plan.values()) list.sort((a, b) => a - b);
  return plan;
}

/** Simulates one community's roster over the run (from the year before the first, or its founding). */
export function simulateRoster(profile: CommunityProfile, ctx: RosterContext): Roster {
  const { seed, years } = ctx;
  const community = profile.community;
  const urban = community.urbanRural === 'urban';
  const rng = rngFor(seed, 'staff', community.code);
  const lastYear = years[years.length - 1]!;
  const lastDay = dayOf(lastYear, 12, 31);
  const start = profile.firstYear ?? years[0]! - 1;
  const elections = electionYears(profile, rng);
  // 一肩挑: at the 2021 (or pilot 2020) election most communities merged secretary and director (invented shares).
  const mergeElection = elections[elections.length - 1]!;
  const mergedFrom = rng.chance(urban ? 0.6 : 0.85) ? mergeElection : undefined;
  const plan = ctx.plannedHires;
  const planYears = plan ? TONGCHUAN.fullTimeHires : undefined;
  const inPlan = (role: Role, year: number): boolean =>
    role === 'full_time' && planYears !== undefined && year <= planYears.to;

  const postings: Posting[] = [];
  const active = new Set<Posting>();
  let seq = 0;

  const hire = (role: Role, day: number, options: { initial?: boolean; planned?: boolean } = {}): void => {
    const hireYear = yearOfDay(day);
    const graduate = role === 'full_time' && rng.chance(options.planned ? 0.7 : 0.5) && !options.initial;
    let birthYear: number;
    let education: string;
    if (graduate) {
      birthYear = hireYear - rng.int(21, 27);
      education = rng.weighted(GRADUATE_EDUCATION);
    } else {
      const later = hireYear >= 2020 && ELECTED.has(role);
      const [youngest, oldest] = ELECTED.has(role)
        ? later
          ? [25, 45]
          : [28, 52]
        : role === 'grid'
          ? [23, 50]
          : [28, 45];
      birthYear = hireYear - rng.int(youngest, oldest);
      education = rng.weighted(later ? LATER_EDUCATION : urban ? URBAN_EDUCATION : RURAL_EDUCATION);
    }
    let insuredShare = INSURED[role][urban ? 0 : 1];
    if (community.place === 'xinzhou' && hireYear >= XINZHOU.year) insuredShare = Math.min(0.97, insuredShare + 0.3);
    const insured = rng.chance(0.05) ? null : rng.chance(insuredShare);
    const posting: Posting = {
      workerId: workerId(seed, community.line, seq++),
      code: community.code,
      role,
      hiredOn: day,
      leftOn: null,
      leaveReason: '',
      monthlyWage: 0,
      insured,
      education,
      birthYear,
      youngGraduate: graduate,
    };
    postings.push(posting);
    active.add(posting);
  };
  const leave = (p: Posting, day: number, reason: string): void => {
    p.leftOn = day;
    p.leaveReason = reason;
    active.delete(p);
  };
  const count = (role: Role): number => {
    let n = 0;
    for (const p of active) if (p.role === role) n++;
    return n;
  };
  const refill = (role: Role, day: number): void => {
    if (day > lastDay || inPlan(role, yearOfDay(day))) return;
    if (count(role) < slots(profile, role, yearOfDay(day), mergedFrom)) hire(role, day);
  };

  if (profile.firstYear === undefined) {
    const startDay = dayOf(start, 1, 1);
    for (const role of ROLES) {
      if (inPlan(role, start)) continue;
      const maxTenure = ELECTED.has(role) ? 12 * 365 : role === 'full_time' ? 6 * 365 : 4 * 365;
      const n = slots(profile, role, start, mergedFrom);
      for (let i = 0; i < n; i++) hire(role, startDay - rng.int(30, maxTenure), { initial: true });
    }
  }

  for (let year = start; year <= lastYear; year++) {
    const yearStart = dayOf(year, 1, 1);
    const yearEnd = dayOf(year, 12, 31);
    if (elections.includes(year)) {
      const electionDay = dayOf(year, 3, 1) + rng.int(0, 90);
      for (const p of [...active]) {
        if (!ELECTED.has(p.role) || p.hiredOn >= electionDay) continue;
        if (p.role === 'director' && mergedFrom === year) leave(p, electionDay, '书记主任一肩挑');
        else if (rng.chance(0.3)) {
          leave(p, electionDay, '换届离任');
          refill(p.role, electionDay);
        }
      }
    }
    for (const p of [...active]) {
      const from = Math.max(yearStart, p.hiredOn + 1);
      if (from > yearEnd || !rng.chance(hazard(p, year, community.place))) continue;
      const day = rng.int(from, yearEnd);
      const retiring = ELECTED.has(p.role) && year - p.birthYear >= 60;
      leave(p, day, p.youngGraduate ? rng.weighted(GRADUATE_REASONS) : retiring ? '退休' : rng.weighted(OTHER_REASONS));
      refill(p.role, day + rng.int(15, 120));
    }
    for (const day of plan ?? []) if (yearOfDay(day) === year) hire('full_time', day, { planned: true });
    for (const role of ROLES) {
      if (inPlan(role, year)) continue;
      const target = slots(profile, role, year, mergedFrom);
      while (count(role) < target) hire(role, rng.int(yearStart, yearEnd));
    }
  }

  for (const p of postings) p.monthlyWage = monthlyWage(p, profile, ctx, lastDay);
  return { postings, nextPosting: seq };
}

/**
 * A posting's monthly wage, as the roster states it: the pay of its last year (the year it ended, or
 * the run's last year). Invented levels (PAY_2015, +6% a year, province level, +2% per year of service),
 * except: Tongchuan full-time staff earned the 1,800 floor through 2020 (+100 for each full year of
 * service after the first, seed 000); Xinzhou's urban secretaries and full-time staff are paid at least last
 * year's county average from 2022 (seed 004's rule, applied where the 三岗十八级 scale started).
 */
function monthlyWage(p: Posting, profile: CommunityProfile, ctx: RosterContext, lastDay: number): number {
  const rng = rngFor(ctx.seed, 'wage', p.workerId);
  const end = p.leftOn ?? lastDay;
  const endYear = yearOfDay(end);
  const service = Math.floor((end - p.hiredOn) / 365.25);
  const community = profile.community;
  const urban = community.urbanRural === 'urban';
  if (community.place === 'tongchuan' && p.role === 'full_time' && endYear <= TONGCHUAN.minFullTimeWageUntil) {
    return TONGCHUAN.minFullTimeWage + 100 * Math.max(0, service - 1);
  }
  if (
    community.place === 'xinzhou' &&
    urban &&
    endYear >= XINZHOU.year &&
    (p.role === 'secretary' || p.role === 'full_time')
  ) {
    return round10((ctx.countyWage(endYear - 1) / 12) * rng.uniform(1.0, 1.1));
  }
  const level =
    PAY_2015[p.role][urban ? 0 : 1] * Math.sqrt(provinceFactor(community.code.slice(0, 2))) * 1.06 ** (endYear - 2015);
  return round10(level * (1 + 0.02 * Math.min(15, service)) * rng.uniform(0.94, 1.08));
}
