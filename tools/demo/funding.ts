/**
 * The funding dataset: one row per community, year, source and category (docs/inbox.md), amounts in whole
 * yuan. Generic amounts are invented; seed places pin the figures their reports give.
 */
import { TONGCHUAN, WANGCANG, YIZHENG } from './calibration.ts';
import { apportion, existsIn, type CommunityProfile, type CommunityYear } from './communities.ts';
import { dayOf } from './dates.ts';
import { rngFor } from './random.ts';
import type { Posting } from './staff.ts';
import { provinceFactor } from './wages.ts';

/** A funding source (docs/inbox.md). */
export type FundingSource =
  'county' | 'city' | 'province_central' | 'linked_units' | 'collective' | 'donation' | 'other';
/** A funding category (docs/inbox.md). */
export type FundingCategory = 'work' | 'service' | 'construction' | 'staff_pay' | 'other';

/** One funding row. Amounts are yuan; a bad row may carry a negative one. */
export interface FundingRow {
  code: string;
  year: number;
  source: FundingSource;
  category: FundingCategory;
  amount: number;
  remark: string;
}

const roundTo = (x: number, step: number): number => Math.max(step, Math.round(x / step) * step);

/**
 * Seed 000: 21 provincial model communities built in 2018 with 1,265万 yuan (the seed's 1260余万元) of
 * 中省项目 construction money. Invented: which 21 (urban ones three times as likely) and the split.
 */
export function modelCommunityGrants(profiles: readonly CommunityProfile[], seed: number): Map<string, number> {
  const { year, count, totalYuan } = TONGCHUAN.modelCommunities;
  const rng = rngFor(seed, 'tongchuan-model-communities');
  const candidates = profiles.filter((p) => existsIn(p, year));
  const chosen: CommunityProfile[] = [];
  while (chosen.length < Math.min(count, candidates.length)) {
    const pick = rng.weighted(
      candidates
        .filter((p) => !chosen.includes(p))
        .map((p) => [p, p.community.urbanRural === 'urban' ? 3 : 1] as const),
    );
    chosen.push(pick);
  }
  const parts = apportion(
    totalYuan / 10_000,
    chosen.map(() => rng.uniform(0.6, 1.4)),
  );
  return new Map(chosen.map((p, i) => [p.community.code, parts[i]! * 10_000]));
}

/** Yuan paid to the roster in a year: each posting's monthly wage for the days it was in post. */
function staffPay(postings: readonly Posting[], year: number): number {
  const start = dayOf(year, 1, 1);
  const end = dayOf(year, 12, 31);
  let total = 0;
  for (const p of postings) {
    const from = Math.max(start, p.hiredOn);
    const to = Math.min(end, p.leftOn ?? end);
    if (to >= from) total += (p.monthlyWage * (to - from + 1)) / 30.44;
  }
  return Math.round(total / 100) * 100;
}

/**
 * The funding rows of a community-year. Invented generic amounts: county work funds about 30,000 yuan
 * (urban) and 15,000 (rural), +4% a year, times the province's wage level; service funds for half of
 * urban communities (city, 50,000-100,000) and a growing share of rural ones (county, 10,000-50,000);
 * 中省项目 construction now and then; linked units for a quarter of urban communities; collective
 * income reinvested where there is industry; rare donations; staff pay from the roster.
 */
export function fundingRows(
  cy: CommunityYear,
  postings: readonly Posting[],
  seed: number,
  grant: number | undefined,
): FundingRow[] {
  const { profile, year } = cy;
  const c = profile.community;
  const code = c.code;
  const urban = c.urbanRural === 'urban';
  const rng = rngFor(seed, 'funding', code, year);
  const pf = provinceFactor(code.slice(0, 2));
  const trend = 1.04 ** (year - 2015);
  const rows: FundingRow[] = [];
  const add = (source: FundingSource, category: FundingCategory, amount: number): void => {
    rows.push({ code, year, source, category, amount, remark: '' });
  };

  let work = roundTo((urban ? 30_000 : 15_000) * pf * trend * rng.uniform(0.75, 1.25), 1_000);
  if (c.place === 'tongchuan' && urban)
    work = year >= TONGCHUAN.fundsSince ? TONGCHUAN.urbanWorkFunds : TONGCHUAN.urbanWorkFundsBefore;
  if (c.place === 'wangcang')
    work = !profile.managed
      ? WANGCANG.villageWorkFunds
      : year >= WANGCANG.year
        ? WANGCANG.workFunds
        : WANGCANG.workFundsBefore;
  add('county', 'work', work);

  if (c.place === 'tongchuan' && urban) {
    add(
      'city',
      'service',
      year >= TONGCHUAN.fundsSince ? TONGCHUAN.urbanServiceFunds : TONGCHUAN.urbanServiceFundsBefore,
    );
  } else if (urban ? rng.chance(0.5 + 0.03 * (year - 2015)) : rng.chance(0.2 + 0.04 * (year - 2015))) {
    if (urban) add('city', 'service', roundTo(rng.uniform(50_000, 100_000) * pf, 1_000));
    else add('county', 'service', roundTo(rng.uniform(10_000, 50_000) * pf, 1_000));
  }

  const generic = rng.chance(0.06) ? roundTo(rng.uniform(50_000, 800_000), 10_000) : undefined;
  // Tongchuan's 中省项目 money of the model-community year went to the 21 model communities only.
  const modelYear = c.place === 'tongchuan' && year === TONGCHUAN.modelCommunities.year;
  const construction = modelYear ? grant : generic;
  if (construction !== undefined) add('province_central', 'construction', construction);

  const { units, minimumEach, since } = YIZHENG.linkedUnits;
  if (c.place === 'yizheng' && urban && year >= since) {
    let linked = 0;
    for (let i = 0; i < units; i++) linked += roundTo(rng.uniform(minimumEach, 30_000), 1_000);
    add('linked_units', 'other', linked);
  } else if (urban && rng.chance(0.25)) {
    add('linked_units', 'other', roundTo(rng.uniform(10_000, 50_000), 1_000));
  }

  if (cy.hasIndustry ? rng.chance(0.6) : !urban && rng.chance(0.1)) {
    add(
      'collective',
      'other',
      roundTo(cy.hasIndustry ? rng.uniform(20_000, 300_000) : rng.uniform(5_000, 30_000), 1_000),
    );
  }
  if (rng.chance(0.03)) add('donation', 'other', roundTo(rng.uniform(2_000, 30_000), 100));

  const pay = staffPay(postings, year);
  if (pay > 0) add('county', 'staff_pay', pay);
  return rows;
}
