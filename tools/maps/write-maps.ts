import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { geoArea } from 'd3';
import type { FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import mapshaper from 'mapshaper';
import { topology } from 'topojson-server';
import { mapFile, type MapLevel, type MapShapeProperties, type MapTopology } from '../../contract/map-files.ts';
import type { BoundarySources } from './boundary-sources.ts';
import { mapLayers } from './map-layers.ts';

/**
 * How far shapes are simplified (share of vertices kept) for the scale each map is drawn at: the
 * whole country, one province, one city; and how finely coordinates are quantized.
 */
export const MAP_DEFAULTS = { simplify: { nation: '5%', province: '10%', city: '30%' }, quantization: 1e4 } as const;

type Shapes = FeatureCollection<Geometry, MapShapeProperties>;

/** What was written: files, bytes, and the registry regions left without a boundary. */
export interface MapsSummary {
  files: number;
  bytes: number;
  unmapped: number;
}

/**
 * Simplifies a layer as one topology, so neighbouring shapes keep shared borders and no small
 * region (an island county) vanishes; shapes that share a code are dissolved into one.
 */
async function simplify(layer: Shapes, options: { dissolve: boolean; keep: string }): Promise<Shapes> {
  const commands = [
    '-i layer.json',
    options.dissolve ? '-dissolve code copy-fields=name' : '',
    `-simplify ${options.keep} keep-shapes`,
    '-o out.json format=geojson precision=0.00001',
  ].join(' ');
  const output = await mapshaper.applyCommands(commands, { 'layer.json': layer });
  const text = output['out.json'];
  if (text === undefined) throw new Error('mapshaper wrote no output: out.json');
  const shapes = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text)) as Shapes;
  for (const shape of shapes.features) windForD3(shape.geometry);
  return shapes;
}

/**
 * d3 (and so Plot) reads a spherical polygon's outer ring clockwise; mapshaper writes GeoJSON's
 * anticlockwise order, which d3 takes for the whole globe minus the shape. A polygon covering more
 * than a hemisphere is turned around.
 */
function windForD3(geometry: Geometry): void {
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const rings of polygons) {
    const polygon: Polygon = { type: 'Polygon', coordinates: rings };
    if (geoArea(polygon) > 2 * Math.PI) for (const ring of rings) ring.reverse();
  }
}

/**
 * Writes the choropleth files into a folder: provinces on the nation (with the boundary-line layer),
 * cities on each province, counties on each province and each city, each listing the registry
 * regions beneath its parent that have no shape.
 */
export async function writeMaps(sources: BoundarySources, outDir: string): Promise<MapsSummary> {
  const layers = mapLayers(sources);
  const { simplify: keep } = MAP_DEFAULTS;
  const [provinces, cities, counties, cityCounties] = await Promise.all([
    simplify(layers.provinces, { dissolve: false, keep: keep.nation }),
    simplify(layers.cities, { dissolve: true, keep: keep.province }),
    simplify(layers.counties, { dissolve: false, keep: keep.province }),
    simplify(layers.counties, { dissolve: false, keep: keep.city }),
  ]);
  const summary: MapsSummary = { files: 0, bytes: 0, unmapped: 0 };
  const write = (
    parent: string,
    level: MapLevel,
    shapes: Shapes,
    registry: readonly { code: string; name: string }[],
  ) => {
    const prefix = parent === 'CN' ? '' : parent;
    const mine: Shapes = {
      type: 'FeatureCollection',
      features: shapes.features.filter((f) => f.properties.code.startsWith(prefix)),
    };
    if (mine.features.length === 0) return;
    const drawn = new Set(mine.features.map((f) => f.properties.code));
    const unmapped = registry.filter((r) => r.code.startsWith(prefix) && !drawn.has(r.code));
    const objects: Record<string, FeatureCollection> =
      parent === 'CN' ? { regions: mine, lines: layers.lines } : { regions: mine };
    const file: MapTopology = {
      ...(topology(objects, MAP_DEFAULTS.quantization) as unknown as MapTopology),
      unmapped,
    };
    const path = join(outDir, mapFile(parent, level));
    mkdirSync(dirname(path), { recursive: true });
    const text = JSON.stringify(file);
    writeFileSync(path, text);
    summary.files += 1;
    summary.bytes += Buffer.byteLength(text);
    summary.unmapped += unmapped.length;
  };
  const { registry } = sources;
  write('CN', 'province', provinces, registry.provinces);
  for (const province of registry.provinces) {
    write(province.code, 'city', cities, registry.cities);
    write(province.code, 'county', counties, registry.counties);
  }
  for (const city of registry.cities) write(city.code, 'county', cityCounties, registry.counties);
  return summary;
}
