import { describe, expect, it } from 'vitest';
import { facilityPath, serviceCenterPath } from '../../tools/demo/coverage-path.ts';
import { FACILITY_TYPES } from '../../tools/demo/facility-types.ts';

describe('the service-centre coverage path', () => {
  it('passes through the published points (docs/demo.md)', () => {
    expect(serviceCenterPath('urban', 2015)).toBe(0.82);
    expect(serviceCenterPath('rural', 2015)).toBe(0.123);
    expect(serviceCenterPath('urban', 2019)).toBeCloseTo(0.929, 10);
    expect(serviceCenterPath('rural', 2019)).toBeCloseTo(0.593, 10);
    expect(serviceCenterPath('urban', 2020)).toBe(1);
    expect(serviceCenterPath('rural', 2020)).toBeCloseTo(0.657, 10);
  });

  it('interpolates between them, keeps urban at 100% and rural rising after 2020', () => {
    for (let y = 2011; y <= 2030; y++) {
      expect(serviceCenterPath('urban', y)).toBeGreaterThanOrEqual(serviceCenterPath('urban', y - 1));
      expect(serviceCenterPath('rural', y)).toBeGreaterThanOrEqual(serviceCenterPath('rural', y - 1));
    }
    expect(serviceCenterPath('urban', 2024)).toBe(1);
    expect(serviceCenterPath('rural', 2024)).toBeGreaterThan(0.75);
    expect(serviceCenterPath('rural', 2025)).toBeGreaterThanOrEqual(0.8);
  });

  it('gives every facility type a share between 0 and 1 in every year', () => {
    for (const type of FACILITY_TYPES) {
      for (let y = 2000; y <= 2035; y++) {
        for (const ur of ['urban', 'rural'] as const) {
          expect(facilityPath(type, ur, y)).toBeGreaterThanOrEqual(0);
          expect(facilityPath(type, ur, y)).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
