import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MapShapeProperties } from '../../contract/map-files.ts';
import type { BoundarySources } from './boundary-sources.ts';

/** The shapes of each level, joined on registry codes, and the boundary lines, before simplification. */
export interface MapLayers {
  provinces: FeatureCollection<Geometry, MapShapeProperties>;
  cities: FeatureCollection<Geometry, MapShapeProperties>;
  counties: FeatureCollection<Geometry, MapShapeProperties>;
  lines: FeatureCollection<Geometry, Record<string, never>>;
}

/**
 * Joins the boundary package's features to registry codes. The package codes a municipality (北京,
 * 天津, 上海, 重庆) as one city-level shape 110000 where the registry has 1101 (and 5001/5002), and codes
 * county-level cities under a province (济源 419001) as cities; so municipal "cities" are built from
 * their counties, and every city shape takes the 4-digit prefix of its code (shapes sharing one are
 * dissolved later).
 */
export function mapLayers(sources: BoundarySources): MapLayers {
  const names = new Map<string, string>();
  for (const rows of Object.values(sources.registry)) for (const row of rows) names.set(row.code, row.name);
  const shape = (feature: Feature<Geometry, { gb: string; full_name?: string }>, code: string) => ({
    type: 'Feature' as const,
    geometry: feature.geometry,
    properties: { code, name: names.get(code) ?? feature.properties.full_name ?? code },
  });
  const polygons = (level: 1 | 2 | 3) => sources.levels[level].features.filter((f) => f.properties.gb);
  const gb = (feature: { properties: { gb: string } }) => feature.properties.gb.slice(3);
  const municipal = new Set(
    polygons(2)
      .filter((f) => gb(f).endsWith('0000'))
      .map((f) => gb(f).slice(0, 2)),
  );
  const collection = <P>(features: Feature<Geometry, P>[]): FeatureCollection<Geometry, P> => ({
    type: 'FeatureCollection',
    features,
  });
  return {
    provinces: collection(polygons(1).map((f) => shape(f, gb(f).slice(0, 2)))),
    cities: collection([
      ...polygons(2)
        .filter((f) => !municipal.has(gb(f).slice(0, 2)))
        .map((f) => shape(f, gb(f).slice(0, 4))),
      ...polygons(3)
        .filter((f) => municipal.has(gb(f).slice(0, 2)))
        .map((f) => shape(f, gb(f).slice(0, 4))),
    ]),
    counties: collection(polygons(3).map((f) => shape(f, gb(f)))),
    lines: collection(
      sources.levels[1].features
        .filter((f) => !f.properties.gb)
        .map((f) => ({ type: 'Feature' as const, geometry: f.geometry, properties: {} })),
    ),
  };
}
