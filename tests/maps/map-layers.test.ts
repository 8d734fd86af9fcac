import { describe, expect, it } from 'vitest';
import { readBoundarySources } from '../../tools/maps/boundary-sources.ts';
import { mapLayers } from '../../tools/maps/map-layers.ts';

describe('the boundary shapes joined to registry codes', () => {
  const sources = readBoundarySources();
  const layers = mapLayers(sources);
  const codes = (layer: keyof typeof layers) =>
    new Set(layers[layer].features.map((f) => (f.properties as { code?: string }).code));

  it('gives every registry province and city a shape, municipalities built from their districts', () => {
    const provinces = codes('provinces');
    const cities = codes('cities');
    expect(sources.registry.provinces.filter((p) => !provinces.has(p.code))).toEqual([]);
    // 北京 is one city-level shape 110000 in the package, 1101 in the registry; 重庆 has 5001 and 5002.
    for (const code of ['1101', '1201', '3101', '5001', '5002', '4190', '4290', '6102'])
      expect(cities.has(code)).toBe(true);
    expect(cities.has('1100')).toBe(false);
    expect(sources.registry.cities.filter((c) => !cities.has(c.code))).toEqual([]);
  });

  it('names shapes as the registry does and keeps the boundary lines apart', () => {
    const shaanxi = layers.cities.features.filter((f) => f.properties.code === '6102');
    expect(shaanxi.map((f) => f.properties.name)).toEqual(['铜川市']);
    const counties = codes('counties');
    // Most registry counties have a shape; those without are the NBS-only zones (digits 5-6 of 70 and above).
    const without = sources.registry.counties.filter((c) => !counties.has(c.code));
    expect(without.length).toBeLessThan(150);
    expect(without.filter((c) => Number(c.code.slice(4, 6)) < 70).length).toBeLessThan(10);
    expect(layers.lines.features.length).toBe(8);
    expect(layers.lines.features.every((f) => f.geometry.type === 'MultiLineString')).toBe(true);
  });
});
