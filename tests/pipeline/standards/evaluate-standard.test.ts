import { describe, expect, it } from 'vitest';
import { appliesTo, evaluateStandard, inScope } from '../../../core/standards/evaluate-standard.ts';
import { readStandards } from '../../../pipeline/standards/read-standards.ts';

describe('evaluateStandard', () => {
  const area = {
    checks: [
      { indicator: 'service_center_area_m2', min: 400 },
      { indicator: 'service_area_per_100hh', min: 20 },
    ],
  };
  it('passes when every check holds, fails when any known value breaks one', () => {
    expect(evaluateStandard(area, { service_center_area_m2: 500, service_area_per_100hh: 25 })).toBe('pass');
    expect(evaluateStandard(area, { service_center_area_m2: 450, service_area_per_100hh: 18 })).toBe('fail');
    expect(evaluateStandard(area, { service_center_area_m2: 0, service_area_per_100hh: null })).toBe('fail');
  });
  it('is unknown when a value is missing and nothing fails', () => {
    expect(evaluateStandard(area, { service_center_area_m2: null, service_area_per_100hh: null })).toBe('unknown');
  });
  it('checks both ends of a range', () => {
    const size = { checks: [{ indicator: 'households', min: 2000, max: 3000 }] };
    expect(evaluateStandard(size, { households: 3001 })).toBe('fail');
    expect(evaluateStandard(size, { households: 2000 })).toBe('pass');
  });
});

describe('scope and applicability', () => {
  it('reads a scope as a code prefix, CN as everywhere', () => {
    expect(inScope({ scope: '6102' }, '610202005001')).toBe(true);
    expect(inScope({ scope: '6102' }, '61')).toBe(false);
    expect(inScope({ scope: 'CN' }, '321081')).toBe(true);
  });
  it('limits urban standards to urban communities', () => {
    expect(appliesTo({ applies_to: 'urban' }, 'rural')).toBe(false);
    expect(appliesTo({ applies_to: 'all' }, 'rural')).toBe(true);
  });
});

describe('the shipped standards file', () => {
  it('holds the nine shipped standards with their scopes and sources', async () => {
    const standards = await readStandards();
    expect(standards.map((s) => [s.id, s.scope])).toEqual([
      ['service_center_area', '321081'],
      ['urban_size', '321081'],
      ['grid_size', '321081'],
      ['urban_funds', '6102'],
      ['office_funds', '510821'],
      ['wage_floor', '1409'],
      ['insurance', 'CN'],
      ['urban_center_coverage', 'CN'],
      ['rural_center_coverage', 'CN'],
    ]);
    // Cited by issuer, title and date, in Chinese and English, never by a file number.
    for (const s of standards) {
      expect(s.source, s.id).toMatch(/^\S+《.+》（\d{4}年(\d{1,2}月)?）/);
      expect(s.source_en, s.id).toMatch(/\((\w{3} )?\d{4}\)/);
      expect(`${s.source} ${s.source_en}`, s.id).not.toMatch(/seed/i);
    }
  });
});
