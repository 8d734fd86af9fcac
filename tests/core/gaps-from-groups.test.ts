import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../contract/published-types.ts';
import { gapsFromGroups, type GapRules } from '../../core/metrics/gaps-from-groups.ts';

const RULES: GapRules = {
  gaps: { urban_rural: { a: 'urban', b: 'rural' }, industry: { a: 'rural_industry', b: 'rural_no_industry' } },
  min_group_n: 3,
};
const group = (year: number, g: GroupRow['group'], value: number | null, n = 10, indicator = 'satisfaction') =>
  ({ level: 'county', region_code: '610202', year, indicator, group: g, value, n }) as GroupRow;
const name = () => '王益区';

describe('gaps derived from group values', () => {
  it('gives diff and ratio; none when suppressed, unknown or b is 0; n 0 for a group with no row', () => {
    const gaps = gapsFromGroups(
      [
        group(2019, 'urban', 80),
        group(2019, 'rural', 60),
        group(2019, 'rural_industry', 70, 2),
        group(2019, 'rural_no_industry', 50),
        group(2019, 'urban', 0.5, 10, 'cov_library'),
        group(2019, 'rural', 0, 10, 'cov_library'),
      ],
      RULES,
      name,
    );
    const find = (indicator: string, gap: string) => gaps.find((g) => g.indicator === indicator && g.gap === gap)!;
    expect(find('satisfaction', 'urban_rural')).toMatchObject({ diff: 20, ratio: 80 / 60, suppressed: false });
    expect(find('satisfaction', 'industry')).toMatchObject({ diff: null, ratio: null, suppressed: true, n_a: 2 });
    expect(find('cov_library', 'urban_rural')).toMatchObject({ diff: 0.5, ratio: null });
    // No rural_industry or rural_no_industry row for cov_library: no industry gap at all.
    expect(gaps.filter((g) => g.indicator === 'cov_library')).toHaveLength(1);
    expect(find('satisfaction', 'urban_rural').region_name).toBe('王益区');
  });

  it('a group with no row has n 0, which suppresses the gap', () => {
    const [gap] = gapsFromGroups([group(2019, 'urban', 80)], RULES, name);
    expect(gap).toMatchObject({ gap: 'urban_rural', value_b: null, n_b: 0, suppressed: true, diff: null });
  });

  it('changes from the previous published year and from the first with a diff, in year order', () => {
    const rows = [2022, 2019, 2020, 2021].flatMap((year) => [
      group(year, 'urban', { 2019: 1, 2020: 65, 2021: 64, 2022: 70 }[year]!, year === 2019 ? 2 : 10),
      group(year, 'rural', 60),
    ]);
    const gaps = gapsFromGroups(rows, RULES, name);
    expect(gaps.map((g) => g.year)).toEqual([2019, 2020, 2021, 2022]);
    expect(gaps.map((g) => [g.diff, g.diff_change_prev, g.diff_change_first])).toEqual([
      [null, null, null],
      // The year after a suppressed one has no previous diff, and is the first.
      [5, null, 0],
      [4, -1, -1],
      [10, 6, 5],
    ]);
  });
});
