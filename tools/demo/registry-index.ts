/** Names of the registry's provinces, cities and counties, for file names and the wages dataset. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { registryFiles, type RegistryFiles } from '../../pipeline/registry/files.ts';

/** A county of the registry with the names of its city and province. */
export interface County {
  code: string;
  name: string;
  cityName: string;
  provinceCode: string;
  provinceName: string;
}

/** County, city and province names by code. */
export interface RegistryIndex {
  counties: Map<string, County>;
}

/** Splits one registry CSV line: codes are bare, names are quoted and never contain quotes or commas. */
export function splitRegistryLine(line: string): string[] {
  return line.split(',').map((f) => (f.startsWith('"') ? f.slice(1, -1) : f));
}

/** Streams the data rows of a registry CSV (header skipped). */
export async function* registryRows(path: string): AsyncGenerator<string[]> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    if (line) yield splitRegistryLine(line);
  }
}

/** Reads provinces, cities and counties (a few thousand rows) into maps. */
export async function loadRegistryIndex(files: RegistryFiles = registryFiles()): Promise<RegistryIndex> {
  const provinces = new Map<string, string>();
  for await (const [code, name] of registryRows(files.provinces)) provinces.set(code!, name!);
  const cities = new Map<string, string>();
  for await (const [code, name] of registryRows(files.cities)) cities.set(code!, name!);
  const counties = new Map<string, County>();
  // areas.csv: code,name,cityCode,provinceCode
  for await (const [code, name, cityCode, provinceCode] of registryRows(files.counties)) {
    counties.set(code!, {
      code: code!,
      name: name!,
      cityName: cities.get(cityCode!) ?? '',
      provinceCode: provinceCode!,
      provinceName: provinces.get(provinceCode!) ?? '',
    });
  }
  return { counties };
}
