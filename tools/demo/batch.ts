/**
 * Generates every dataset's records for one batch (a county, or a whole seed place), bad rows
 * included, grouped by county for writing.
 */
import {
  spoilCommunityRow,
  spoilFacilityRows,
  spoilFundingRows,
  spoilRoster,
  type BadRowCounts,
  type WarningCounts,
} from './bad-rows.ts';
import { TONGCHUAN } from './calibration.ts';
import { communityProfiles, communityYear, existsIn } from './communities.ts';
import type { CommunityBatch } from './community.ts';
import { facilitySets, facilityTraits, type FacilityTraits } from './facilities.ts';
import { fundingRows, modelCommunityGrants, type FundingRow } from './funding.ts';
import type { HouseStyle } from './house-style.ts';
import { communityRecord, facilityRecords, type CommunityRecord, type FacilityRecord } from './records.ts';
import type { County } from './registry-index.ts';
import { plannedFullTimeHires, simulateRoster, type Posting } from './staff.ts';
import { countyAverageWage } from './wages.ts';

/** One county's records, ready to render. */
export interface CountyRecords {
  countyCode: string;
  communities: Map<number, CommunityRecord[]>;
  facilities: Map<number, FacilityRecord[]>;
  staff: Posting[];
  funding: FundingRow[];
  names: Map<string, string>;
  communityCount: number;
}

/** What a batch needs from the run. */
export interface BatchContext {
  seed: number;
  years: readonly number[];
  counties: ReadonlyMap<string, County>;
  countyCodes: ReadonlySet<string>;
  styleOf: (countyCode: string) => HouseStyle;
  bad: BadRowCounts;
  warnings: WarningCounts;
}

function countyRecords(countyCode: string): CountyRecords {
  return {
    countyCode,
    communities: new Map(),
    facilities: new Map(),
    staff: [],
    funding: [],
    names: new Map(),
    communityCount: 0,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, values: readonly V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}

/** Records of a batch by county, in code order. */
export function generateBatch(batch: CommunityBatch, ctx: BatchContext): CountyRecords[] {
  const { seed, years } = ctx;
  const profiles = communityProfiles(batch, seed);
  const traits = new Map<string, FacilityTraits>(profiles.map((p) => [p.community.code, facilityTraits(p, seed)]));
  const sets = facilitySets(profiles, traits, years);
  const tongchuan = batch.place === 'tongchuan';
  const plan = tongchuan ? plannedFullTimeHires(profiles, seed, years[0]! - 1) : undefined;
  const grants = tongchuan ? modelCommunityGrants(profiles, seed) : undefined;
  const grantYear = TONGCHUAN.modelCommunities.year;

  const byCounty = new Map<string, CountyRecords>();
  for (const profile of profiles) {
    const c = profile.community;
    const county = byCounty.get(c.countyCode) ?? countyRecords(c.countyCode);
    byCounty.set(c.countyCode, county);
    county.names.set(c.code, c.name);
    county.communityCount++;
    const style = ctx.styleOf(c.countyCode);
    const countyName = ctx.counties.get(c.countyCode)?.name ?? '';
    const roster = simulateRoster(profile, {
      seed,
      years,
      plannedHires: plan ? (plan.get(c.code) ?? []) : undefined,
      countyWage: (year) => countyAverageWage(seed, c.countyCode, countyName, year),
    });
    county.staff.push(...spoilRoster(roster.postings, c.line, roster.nextPosting, seed, ctx.bad));
    years.forEach((year, yi) => {
      if (!existsIn(profile, year)) return;
      const cy = communityYear(profile, year, seed);
      push(
        county.communities,
        year,
        spoilCommunityRow(communityRecord(cy), c.place, seed, ctx.countyCodes, ctx.bad, ctx.warnings),
      );
      const facilities = facilityRecords(cy, sets.get(c.code)![yi]!, traits.get(c.code)!, style.facilityRows);
      push(county.facilities, year, spoilFacilityRows(facilities, seed, ctx.bad));
      const grant = year === grantYear ? grants?.get(c.code) : undefined;
      county.funding.push(...spoilFundingRows(fundingRows(cy, roster.postings, seed, grant), seed, ctx.bad));
    });
  }
  return [...byCounty.values()].sort((a, b) => (a.countyCode < b.countyCode ? -1 : 1));
}
