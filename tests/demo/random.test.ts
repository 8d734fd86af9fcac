import { describe, expect, it } from 'vitest';
import type { Rng } from '../../tools/demo/random.ts';
import { rngFor } from '../../tools/demo/random.ts';

const draw = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('the seeded random streams', () => {
  it('repeat exactly for the same seed and key', () => {
    expect(draw(rngFor(1, 'staff', '610202005002'), 20)).toEqual(draw(rngFor(1, 'staff', '610202005002'), 20));
  });

  it('differ between seeds and between keys', () => {
    const a = draw(rngFor(1, 'staff', '610202005002'), 5);
    expect(draw(rngFor(2, 'staff', '610202005002'), 5)).not.toEqual(a);
    expect(draw(rngFor(1, 'staff', '610202005001'), 5)).not.toEqual(a);
    expect(draw(rngFor(1, 'funding', '610202005002'), 5)).not.toEqual(a);
  });

  it('draw uniformly in [0, 1) and integers within inclusive bounds', () => {
    const rng = rngFor(7, 'uniform');
    const xs = draw(rng, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1.5);
    const ints = new Set(Array.from({ length: 2_000 }, () => rng.int(3, 6)));
    expect(ints).toEqual(new Set([3, 4, 5, 6]));
  });

  it('pick by weight in proportion', () => {
    const rng = rngFor(3, 'weights');
    const picks = Array.from({ length: 10_000 }, () =>
      rng.weighted([
        ['a', 0.8],
        ['b', 0.2],
      ] as const),
    );
    expect(picks.filter((p) => p === 'a').length / picks.length).toBeCloseTo(0.8, 1);
  });
});
