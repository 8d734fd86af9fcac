import { median } from 'd3';
import { describe, expect, it } from 'vitest';

// The dashboard and the brief take d3-array's median; the models take DuckDB's. Both must follow the
// indicator rule: the mean of the middle two for an even count, missing values skipped.
describe('median', () => {
  it('takes the middle value, or the mean of the middle two for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1500, 1800, 1600, 1700])).toBe(1650);
    expect(median([null, 5])).toBe(5);
    expect(median([NaN, undefined, 4])).toBe(4);
    expect(median([])).toBeUndefined();
  });
});
