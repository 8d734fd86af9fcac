/** Streams the registry's communities in code order, grouped into the batches the generator works on. */
import { urbanRuralOfCode } from '../../pipeline/registry/classify.ts';
import { registryFiles, type RegistryFiles } from '../../pipeline/registry/files.ts';
import type { CommunityBatch } from './community.ts';
import { placeOfCode } from './places.ts';
import { registryRows } from './registry-index.ts';

/** Which communities to generate. */
export interface CommunityFilter {
  /** A code must start with one of these ('' for all). */
  prefixes: readonly string[];
  /** And, when given, with one of these too (a bounded subset for tests and benchmarks). */
  onlyPrefixes?: readonly string[];
  /** Stop after this many counties. */
  maxCounties?: number;
  /** Only these provinces (2-digit codes): one worker's share of a parallel run. */
  provinces?: readonly string[];
}

/** Whether a county (6-digit code) can hold communities that pass the filter's prefixes. */
export function countyMatches(county: string, filter: CommunityFilter): boolean {
  const overlaps = (p: string): boolean => county.startsWith(p) || p.startsWith(county);
  if (filter.provinces && !filter.provinces.includes(county.slice(0, 2))) return false;
  return filter.prefixes.some(overlaps) && (!filter.onlyPrefixes?.length || filter.onlyPrefixes.some(overlaps));
}

/** Units the generator passes over, with why (the registry has a placeholder with no class). */
export interface SkippedUnit {
  code: string;
  name: string;
  reason: string;
}

function matches(code: string, filter: CommunityFilter): boolean {
  if (filter.provinces && !filter.provinces.includes(code.slice(0, 2))) return false;
  if (!filter.prefixes.some((p) => code.startsWith(p))) return false;
  return !filter.onlyPrefixes?.length || filter.onlyPrefixes.some((p) => code.startsWith(p));
}

/**
 * Yields batches of communities: a seed place's communities together (its calibration spans its counties),
 * every other county on its own. Memory stays bounded by the largest batch (Xinzhou, 2,878 units),
 * because the registry file is sorted by code. Units whose code has no urban/rural class are skipped
 * and reported through `skipped`.
 */
export async function* communityBatches(
  filter: CommunityFilter,
  skipped: SkippedUnit[] = [],
  files: RegistryFiles = registryFiles(),
): AsyncGenerator<CommunityBatch> {
  let batch: CommunityBatch | undefined;
  const counties = new Set<string>();
  let line = -1;
  for await (const [code, name, , , , countyCode] of registryRows(files.communities)) {
    line++;
    if (!matches(code!, filter)) continue;
    const urbanRural = urbanRuralOfCode(code!);
    if (!urbanRural) {
      skipped.push({ code: code!, name: name!, reason: 'no urban/rural class: the last three digits are not 001-599' });
      continue;
    }
    if (!counties.has(countyCode!)) {
      if (filter.maxCounties !== undefined && counties.size >= filter.maxCounties) break;
      counties.add(countyCode!);
    }
    const place = placeOfCode(code!)?.id;
    const key = place ?? countyCode!;
    if (batch && batch.key !== key) {
      yield batch;
      batch = undefined;
    }
    batch ??= { key, place, communities: [] };
    batch.communities.push({ code: code!, name: name!, countyCode: countyCode!, urbanRural, line, place });
  }
  if (batch) yield batch;
}
