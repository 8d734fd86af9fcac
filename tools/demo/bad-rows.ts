/**
 * The deliberately bad rows, about 0.5% of each dataset, so every run exercises the quarantine. Each bad
 * row breaks exactly one rule, and the book counts the rows the pipeline must quarantine (a conflicting
 * duplicate puts two rows there: the original and its copy). Most bad rows are extra rows beside valid
 * ones, so the valid data stays complete; the two kinds that cannot be (a missing household count, a
 * conflicting duplicate) stay out of the community-years a calibration test reads.
 */
import { PROTECTED_YEARS } from './calibration.ts';
import { UNKNOWN_FACILITY_LABELS } from './facility-types.ts';
import type { FundingRow } from './funding.ts';
import type { PlaceId } from './places.ts';
import { rngFor } from './random.ts';
import type { CommunityRecord, FacilityRecord } from './records.ts';
import type { Posting } from './staff.ts';
import { workerId } from './worker-id.ts';

/** Share of rows (or community-years) that get a bad row. */
export const BAD_ROW_RATE = 0.005;

/** Rows the pipeline must quarantine, by dataset and kind. */
export interface BadRowCounts {
  communities: {
    code_length: number;
    unknown_county: number;
    missing_households: number;
    conflicting_duplicate: number;
  };
  facilities: { unknown_facility_type: number };
  funding: { negative_amount: number };
  staff: { left_before_hired: number };
}

/** Rows that are only warned about: identical duplicates are kept once (docs/inbox.md). */
export interface WarningCounts {
  identical_duplicate: number;
}

/** Empty counts. */
export function emptyBadRows(): BadRowCounts {
  return {
    communities: { code_length: 0, unknown_county: 0, missing_households: 0, conflicting_duplicate: 0 },
    facilities: { unknown_facility_type: 0 },
    funding: { negative_amount: 0 },
    staff: { left_before_hired: 0 },
  };
}

/** All rows to be quarantined. */
export function totalBadRows(counts: BadRowCounts): number {
  let total = 0;
  for (const kinds of Object.values(counts)) for (const n of Object.values(kinds as Record<string, number>)) total += n;
  return total;
}

type CommunityKind = keyof BadRowCounts['communities'] | 'identical_duplicate';

const COMMUNITY_KINDS: readonly (readonly [CommunityKind, number])[] = [
  ['code_length', 0.25],
  ['unknown_county', 0.25],
  ['missing_households', 0.2],
  ['conflicting_duplicate', 0.2],
  ['identical_duplicate', 0.1],
];

/** A county code (first 6 digits) that the registry does not have, in the same city. */
export function unknownCountyCode(code: string, counties: ReadonlySet<string>): string {
  for (let d = 99; d >= 10; d--) {
    const county = `${code.slice(0, 4)}${d}`;
    if (!counties.has(county)) return `${county}${code.slice(6)}`;
  }
  throw new Error(`no free county code in city ${code.slice(0, 4)}`);
}

/** Whether a calibration test reads this community-year's row. */
export function isProtected(place: PlaceId | undefined, year: number): boolean {
  if (place === undefined) return false;
  const years = PROTECTED_YEARS[place];
  return years === 'all' || years.includes(year);
}

/** The communities rows of one community-year, with a bad row now and then. */
export function spoilCommunityRow(
  row: CommunityRecord,
  place: PlaceId | undefined,
  seed: number,
  counties: ReadonlySet<string>,
  bad: BadRowCounts,
  warnings: WarningCounts,
): CommunityRecord[] {
  const rng = rngFor(seed, 'bad-community', row.code, row.year);
  if (!rng.chance(BAD_ROW_RATE)) return [row];
  let kind = rng.weighted(COMMUNITY_KINDS);
  if (isProtected(place, row.year) && (kind === 'missing_households' || kind === 'conflicting_duplicate')) {
    kind = rng.chance(0.5) ? 'code_length' : 'unknown_county';
  }
  switch (kind) {
    case 'code_length': {
      // A digit dropped while typing: 11 digits.
      const at = rng.int(6, 11);
      bad.communities.code_length++;
      return [row, { ...row, code: row.code.slice(0, at) + row.code.slice(at + 1) }];
    }
    case 'unknown_county':
      bad.communities.unknown_county++;
      return [row, { ...row, code: unknownCountyCode(row.code, counties) }];
    case 'missing_households':
      bad.communities.missing_households++;
      return [{ ...row, households: null }];
    case 'conflicting_duplicate': {
      // The row entered twice, the second time with a corrected household count: both are quarantined.
      const more = rng.int(3, 60);
      bad.communities.conflicting_duplicate += 2;
      return [row, { ...row, households: row.households! + more, population: row.population + 3 * more }];
    }
    case 'identical_duplicate':
      warnings.identical_duplicate++;
      return [row, { ...row }];
  }
}

/** A community-year's facility rows, now and then with one more naming a facility outside the inbox's types. */
export function spoilFacilityRows(rows: FacilityRecord[], seed: number, bad: BadRowCounts): FacilityRecord[] {
  const first = rows[0];
  if (!first) return rows;
  const rng = rngFor(seed, 'bad-facility', first.code, first.year);
  if (!rng.chance(BAD_ROW_RATE * rows.length)) return rows;
  bad.facilities.unknown_facility_type++;
  return [
    ...rows,
    {
      ...first,
      type: null,
      label: rng.pick(UNKNOWN_FACILITY_LABELS),
      present: true,
      floorArea: null,
      safetyIssue: null,
    },
  ];
}

/** A community-year's funding rows, now and then with a reversal booked as a negative amount (红字冲销). */
export function spoilFundingRows(rows: FundingRow[], seed: number, bad: BadRowCounts): FundingRow[] {
  const first = rows[0];
  if (!first) return rows;
  const rng = rngFor(seed, 'bad-funding', first.code, first.year);
  if (!rng.chance(BAD_ROW_RATE * rows.length)) return rows;
  bad.funding.negative_amount++;
  // (source other, category other) is never used by a valid row, so this adds no duplicate key.
  return [
    ...rows,
    {
      ...first,
      source: 'other',
      category: 'other',
      amount: -Math.round(rng.uniform(1_000, 50_000) / 100) * 100,
      remark: '冲红',
    },
  ];
}

/**
 * A community's roster, now and then with an extra posting whose dates were typed the wrong way round
 * (left before hired). It gets a fresh worker id, so it shadows no valid posting.
 */
export function spoilRoster(
  postings: Posting[],
  registryRow: number,
  nextPosting: number,
  seed: number,
  bad: BadRowCounts,
): Posting[] {
  const out: Posting[] = [];
  let next = nextPosting;
  for (const p of postings) {
    out.push(p);
    const rng = rngFor(seed, 'bad-staff', p.workerId);
    if (!rng.chance(BAD_ROW_RATE)) continue;
    bad.staff.left_before_hired++;
    out.push({
      ...p,
      workerId: workerId(seed, registryRow, next++),
      leftOn: p.hiredOn - rng.int(30, 400),
      leaveReason: '辞职',
    });
  }
  return out;
}
