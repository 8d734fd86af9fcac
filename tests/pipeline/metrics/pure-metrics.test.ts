import { describe, expect, it } from 'vitest';
import { gini } from '../../../pipeline/metrics/gini.ts';
import { mean } from '../../../pipeline/metrics/mean.ts';
import { median } from '../../../core/metrics/median.ts';
import { theil } from '../../../pipeline/metrics/theil.ts';

describe('mean', () => {
  it('skips missing values and is undefined on no data', () => {
    expect(mean([1, null, 3, undefined, NaN])).toBe(2);
    expect(mean([])).toBeUndefined();
    expect(mean([null])).toBeUndefined();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1500, 1800, 1600, 1700])).toBe(1650);
    expect(median([null, 5])).toBe(5);
    expect(median([])).toBeUndefined();
  });
});

describe('gini', () => {
  it('is 0 for equal values and (n−1)/n when one holds everything', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
  });
  it('matches the pairwise definition worked by hand', () => {
    // Sorted 10, 20, 40, 60, 62.5, 70, 72.5: Σ i·x = 1650, Σx = 335, n = 7
    // G = 2·1650 / (7·335) − 8/7 = 0.264392324…
    expect(gini([72.5, 20, 70, 62.5, 60, 10, 40])).toBeCloseTo(0.2643923240938166, 12);
  });
  it('is undefined without values or when they sum to 0', () => {
    expect(gini([])).toBeUndefined();
    expect(gini([0, 0])).toBeUndefined();
  });
});

describe('theil', () => {
  const rows = [72.5, 20, 70]
    .map((value) => ({ value, group: 'urban' }))
    .concat([62.5, 60, 10, 40].map((value) => ({ value, group: 'rural' })));
  it('decomposes exactly into between- and within-group parts', () => {
    // μ = 335/7; T = (1/7) Σ (x/μ)·ln(x/μ) = 0.139418…; μ_urban = 54.1667, μ_rural = 43.125
    // between = Σ (n_g/n)(μ_g/μ) ln(μ_g/μ) = 0.006461…; within = Σ (n_g/n)(μ_g/μ) T_g = 0.132957…
    const t = theil(rows)!;
    expect(t.theil).toBeCloseTo(0.139418276256073, 12);
    expect(t.between).toBeCloseTo(0.006461481042668624, 12);
    expect(t.within).toBeCloseTo(0.13295679521340445, 12);
    expect(t.between + t.within).toBeCloseTo(t.theil, 12);
  });
  it('is 0 for equal values, counts zeros as 0·ln 0 = 0, and is undefined on no data', () => {
    expect(
      theil([
        { value: 4, group: 'a' },
        { value: 4, group: 'b' },
      ])!.theil,
    ).toBe(0);
    expect(
      theil([
        { value: 0, group: 'a' },
        { value: 2, group: 'a' },
      ])!.theil,
    ).toBeCloseTo(Math.log(2), 12);
    expect(theil([{ value: null, group: 'a' }])).toBeUndefined();
  });
});
