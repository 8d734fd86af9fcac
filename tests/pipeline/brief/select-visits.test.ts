import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BriefCommunity as CommunityRow } from '../../../core/brief/brief-community.ts';
import { compositeScores } from '../../../core/brief/composite-score.ts';
import { selectVisits } from '../../../core/brief/select-visits.ts';
import { communityRow } from '../../helpers/brief-inputs.ts';

type Fixture = {
  '2019': [string, string, 'urban' | 'rural', boolean | null, number, number, number, number, number][];
  '2018_changes': Record<string, [number, number, number, number, number]>;
  failures_2019: Record<string, string[]>;
};
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/brief-communities.json', import.meta.url), 'utf8'),
) as Fixture;

function row(
  year: number,
  [code, name, ur, industry, facilities, satisfaction, staff, funding, turnover]: Fixture['2019'][number],
): CommunityRow {
  return communityRow(
    code,
    year,
    {
      name,
      urban_rural: ur,
      has_industry: industry,
      funding_per_household: funding,
      work_funds: null,
      headcount_end: null,
      staff_per_1000hh: staff,
      turnover_rate: turnover,
      insured_share: null,
      satisfaction,
    },
    facilities,
  );
}

const rows: CommunityRow[] = [
  ...fixture['2019'].map((r) => row(2019, r)),
  ...fixture['2019'].map((r) => {
    const change = fixture['2018_changes'][r[0]];
    return row(2018, change ? [r[0], r[1], r[2], r[3], ...change] : r);
  }),
];
const failures = new Map(Object.entries(fixture.failures_2019));

describe('compositeScores', () => {
  it('ranks every measure from worst (0) to best (1) and averages the ranks', () => {
    const scores = compositeScores(rows.filter((r) => r.year === 2019));
    // 农村一 is last on facilities, satisfaction, funding and turnover (0 each) and ties 城二 on
    // staff at the 2nd and 3rd places of 8: (1 + 2) / 2 / 7 = 1.5/7. Its score is (1.5/7) / 5.
    expect(scores.get('610202005203')).toBeCloseTo(0.3 / 7, 12);
    const u1 = scores.get('610202005001')!;
    expect(u1).toBeGreaterThan(scores.get('610202005002')!);
    expect(scores.get('610202005002')!).toBeGreaterThan(scores.get('610202005003')!);
  });
  it('shares the mean rank between ties and leaves out a community with one known measure', () => {
    const [a, b, c] = rows
      .filter((r) => r.year === 2019)
      .slice(0, 3)
      .map((r) => ({
        ...r,
        satisfaction: 80,
        staff_per_1000hh: null,
        funding_per_household: null,
        turnover_rate: null,
        facilities_reported: false,
      }));
    const scores = compositeScores([a!, b!, c!]);
    expect(scores.size).toBe(0);
  });
});

describe('selectVisits', () => {
  const visits = selectVisits(rows, 2019, failures);

  it('picks one community per rule, in the documented order', () => {
    expect(visits.map((v) => [v.rule, v.name])).toEqual([
      ['lagging_rural_no_industry', '农村一 RN1'],
      ['worst_standards_failure', '城三 U3'],
      ['leading_rural_industry', '产业一 RI1'],
      ['typical_urban', '城二 U2'],
      ['largest_improver', '农村二 RN2'],
    ]);
  });

  it('never picks a community twice: the worst failure goes to the next candidate', () => {
    // 农村一 fails three standards, but the first rule took it already.
    expect(new Set(visits.map((v) => v.code)).size).toBe(visits.length);
    expect(visits[1]!.failedStandards).toEqual(['urban_funds', 'insurance']);
  });

  it('gives each visit its figures beside the median of its group', () => {
    const lagging = visits[0]!;
    expect(lagging.group).toBe('rural_no_industry');
    expect(lagging.figures.find((f) => f.measure === 'satisfaction')).toEqual({
      measure: 'satisfaction',
      value: 50,
      groupMedian: 57.5,
    });
    expect(lagging.figures.find((f) => f.measure === 'facilities')).toEqual({
      measure: 'facilities',
      value: 1,
      groupMedian: 2,
    });
  });

  it('falls back to the highest turnover when the other rules find fewer than three', () => {
    const urbanOnly = rows.filter((r) => r.urban_rural === 'urban' && r.year === 2019);
    const picks = selectVisits(urbanOnly, 2019);
    expect(picks.map((v) => v.rule)).toEqual(['typical_urban', 'highest_turnover']);
    expect(picks[1]!.name).toBe('城三 U3');
  });

  it('returns nothing for a year without communities', () => {
    expect(selectVisits(rows, 2030)).toEqual([]);
  });
});
