import type { GeometryCollection, Topology } from 'topojson-specification';

/** What a choropleth's shapes are: the children of a region, one level or two below it. */
export type MapLevel = 'province' | 'city' | 'county';

/** The properties every shape of a map file carries. */
export interface MapShapeProperties {
  /** The region code the shape is joined on (2, 4 or 6 digits, as in the registry). */
  code: string;
  /** The registry's name, or the boundary data's where the registry has none. */
  name: string;
}

/** A registry region under the map's parent that the boundary data has no shape for. */
export interface UnmappedRegion {
  code: string;
  name: string;
}

/**
 * One generated map file (TopoJSON): `regions` are the shapes, `lines` the boundary-line layer
 * (境界线, with the 南海诸岛 lines) on the national map only, plus the registry regions left unmapped.
 */
export interface MapTopology extends Topology<{
  regions: GeometryCollection<MapShapeProperties>;
  lines?: GeometryCollection;
}> {
  unmapped: UnmappedRegion[];
}

/**
 * The path of a map file inside the built site: provinces on the nation, cities on a province,
 * counties on a province or on a city. The dashboard and the generator share it.
 */
export function mapFile(parent: string, level: MapLevel): string {
  if (level === 'province') return 'maps/nation.json';
  if (level === 'city') return `maps/cities/${parent}.json`;
  return `maps/counties/${parent}.json`;
}
