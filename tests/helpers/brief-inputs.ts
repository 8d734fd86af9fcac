import { readFileSync } from 'node:fs';
import type { BriefInputs } from '../../core/brief/build-brief.ts';
import type { GroupId } from '../../contract/indicators.ts';
import type { BriefCommunity as CommunityRow } from '../../core/brief/brief-community.ts';
import type { ComplianceRow as RegionComplianceRow, GapRow, GroupRow } from '../../contract/published-types.ts';
import type { Standard } from '../../contract/standard.ts';

/** The standards the product ships. */
export const SHIPPED_STANDARDS = JSON.parse(
  readFileSync(new URL('../../config/standards.json', import.meta.url), 'utf8'),
) as Standard[];

/** A reported community-year with the first `facilities` of the eight facility types and the given measures. */
export function communityRow(
  code: string,
  year: number,
  o: Partial<CommunityRow> & Pick<CommunityRow, 'urban_rural' | 'has_industry'>,
  facilities = 4,
): CommunityRow {
  const covered = (i: number) => (i < facilities ? 1 : 0);
  return {
    community_code: code,
    year,
    name: `社区${Number(code.slice(-3))}号`,
    township_code: code.slice(0, 9),
    households: 1000,
    population: 3000,
    facilities_reported: true,
    cov_service_center: covered(0),
    cov_elder_daycare: covered(1),
    cov_elder_home: covered(2),
    cov_health_room: covered(3),
    cov_culture_room: covered(4),
    cov_library: covered(5),
    cov_fitness: covered(6),
    cov_smart_platform: covered(7),
    service_center_ok: null,
    funding_per_household: 500,
    work_funds: 20000,
    headcount_end: 6,
    staff_per_1000hh: 6,
    turnover_rate: 0.05,
    median_wage: null,
    insured_share: 0.8,
    satisfaction: 80,
    ...o,
  };
}

const group = (region: string, indicator: string, g: GroupId, value: number, year = 2019): GroupRow => ({
  level: 'county',
  region_code: region,
  year,
  indicator,
  group: g,
  value,
  n: 10,
});

const gap = (region: string, indicator: string, a: number, b: number): GapRow => ({
  level: 'county',
  region_code: region,
  region_name: null,
  year: 2019,
  indicator,
  gap: 'urban_rural',
  value_a: a,
  value_b: b,
  n_a: 10,
  n_b: 10,
  diff: a - b,
  ratio: a / b,
  suppressed: false,
  diff_change_prev: null,
  diff_change_first: null,
});

const compliance = (
  standard_id: string,
  in_scope: boolean,
  n_fail: number,
  status: RegionComplianceRow['status'] = null,
): RegionComplianceRow => ({
  standard_id,
  level: 'county',
  region_code: '610202',
  year: 2019,
  in_scope,
  status,
  value: null,
  n_pass: 8 - n_fail,
  n_fail,
  n_unknown: 0,
  share_pass: (8 - n_fail) / 8,
});

/**
 * A county brief's inputs (王益区 2019) with known figures: its urban turnover 11.6% against peers of
 * 9.4%, its rural coverage 88.5% against 86.8%, urban funding 326.5 against 400 yuan per household;
 * insurance failing in scope, Wangcang's office funds standard failing out of scope.
 */
export function countyInputs(peerCodes: readonly string[] = ['610203', '610204']): BriefInputs {
  const t1 = '610202001';
  const t2 = '610202100';
  const rows: CommunityRow[] = [];
  const specs: [string, Partial<CommunityRow> & Pick<CommunityRow, 'urban_rural' | 'has_industry'>][] = [
    [`${t1}001`, { urban_rural: 'urban', has_industry: null, turnover_rate: 0.1, funding_per_household: 300 }],
    [`${t1}002`, { urban_rural: 'urban', has_industry: null, turnover_rate: 0.12, satisfaction: 85 }],
    [`${t1}003`, { urban_rural: 'urban', has_industry: null, turnover_rate: 0.3, satisfaction: 70 }],
    [`${t2}201`, { urban_rural: 'rural', has_industry: false, funding_per_household: 200, satisfaction: 60 }],
    [`${t2}202`, { urban_rural: 'rural', has_industry: false, funding_per_household: 450, turnover_rate: 0.4 }],
    [`${t2}203`, { urban_rural: 'rural', has_industry: false, satisfaction: 75 }],
    [`${t2}204`, { urban_rural: 'rural', has_industry: true, funding_per_household: 2000, satisfaction: 90 }],
    [`${t2}205`, { urban_rural: 'rural', has_industry: true, funding_per_household: 900, staff_per_1000hh: 9 }],
  ];
  for (const [code, o] of specs) {
    rows.push(communityRow(code, 2019, o));
    rows.push(
      communityRow(code, 2018, { ...o, satisfaction: (o.satisfaction ?? 80) - (code.endsWith('203') ? 20 : 1) }),
    );
  }
  const own = '610202';
  const groups: GroupRow[] = [
    group(own, 'turnover_rate', 'urban', 0.116),
    group(own, 'cov_service_center', 'rural', 0.885),
    group(own, 'cov_service_center', 'urban', 1),
    group(own, 'funding_per_household', 'urban', 326.5),
    group(own, 'cov_service_center', 'rural', 0.8, 2018),
    ...peerCodes.flatMap((p) => [
      group(p, 'turnover_rate', 'urban', 0.094),
      group(p, 'cov_service_center', 'rural', 0.868),
      group(p, 'cov_service_center', 'urban', 1),
      group(p, 'funding_per_household', 'urban', 400),
    ]),
  ];
  return {
    region: { code: own, name: '王益区', level: 'county', parentName: '铜川市' },
    year: 2019,
    years: [2015, 2016, 2017, 2018, 2019],
    synthetic: true,
    generatedAt: '2026-12-01T12:37:00.000Z',
    communities: rows,
    peerScope: 'parent',
    groups,
    gaps: [gap(own, 'turnover_rate', 0.116, 0.05), ...peerCodes.map((p) => gap(p, 'turnover_rate', 0.09, 0.05))],
    theilBetweenShare: new Map([[2019, 0.2]]),
    regionCompliance: [
      compliance('insurance', true, 3),
      compliance('office_funds', false, 5),
      compliance('urban_center_coverage', true, 0, 'pass'),
    ],
    communityCompliance: [`${t1}003`, `${t2}201`, `${t2}202`].map((code) => ({
      standard_id: 'insurance',
      community_code: code,
      year: 2019,
      status: 'fail' as const,
      measured: '{}',
    })),
    standards: SHIPPED_STANDARDS,
    townships: new Map([
      [t1, '王家河街道'],
      [t2, '黄堡镇'],
    ]),
  };
}
