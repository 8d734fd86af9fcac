/**
 * One share of a run: streams the registry's communities that pass a filter, generates their records
 * batch by batch and writes each county's files. A run is one shard, or several in worker threads
 * (provinces split between them); the files do not depend on which.
 */
import type { Logger } from '../../pipeline/logger.ts';
import { emptyBadRows, type BadRowCounts, type WarningCounts } from './bad-rows.ts';
import { generateBatch } from './batch.ts';
import { communityBatches, type CommunityFilter, type SkippedUnit } from './community-batches.ts';
import { writeCountyFiles } from './county-files.ts';
import { houseStyle, type HouseStyle, type Scale } from './house-style.ts';
import { InboxWriter, type FileEntry } from './inbox-writer.ts';
import type { PlaceId } from './places.ts';
import { loadRegistryIndex } from './registry-index.ts';

/** What a shard does (plain data, so it can cross into a worker thread). */
export interface ShardSpec {
  scale: Scale;
  years: number[];
  seed: number;
  filter: CommunityFilter;
  /** The folder files are written below. */
  root: string;
  /** Each county's position in the whole run, which picks its house style. */
  ordinals: [string, number][];
}

/** What a shard wrote. */
export interface ShardResult {
  files: FileEntry[];
  bad: BadRowCounts;
  warnings: WarningCounts;
  skipped: SkippedUnit[];
  counties: { code: string; name: string }[];
  communities: number;
}

/** Runs a shard in this thread. */
export async function runShard(spec: ShardSpec, log?: Logger): Promise<ShardResult> {
  const registry = await loadRegistryIndex();
  const countyCodes = new Set(registry.counties.keys());
  const ordinals = new Map(spec.ordinals);
  const writer = new InboxWriter(spec.root);
  const result: ShardResult = {
    files: writer.files,
    bad: emptyBadRows(),
    warnings: { identical_duplicate: 0 },
    skipped: [],
    counties: [],
    communities: 0,
  };
  const styles = new Map<string, HouseStyle>();
  const styleOf = (countyCode: string, place: PlaceId | undefined): HouseStyle => {
    let style = styles.get(countyCode);
    if (!style) {
      const ordinal = ordinals.get(countyCode);
      if (ordinal === undefined) throw new Error(`county ${countyCode} has no position in the run`);
      style = houseStyle(spec.scale, ordinal, place);
      styles.set(countyCode, style);
    }
    return style;
  };
  let province = '';
  for await (const batch of communityBatches(spec.filter, result.skipped)) {
    const first = batch.communities[0]!.code.slice(0, 2);
    if (first !== province) {
      province = first;
      log?.info(`demo: province ${province}`);
    }
    const records = generateBatch(batch, {
      seed: spec.seed,
      years: spec.years,
      counties: registry.counties,
      countyCodes,
      styleOf: (code) => styleOf(code, batch.place),
      bad: result.bad,
      warnings: result.warnings,
    });
    for (const county of records) {
      const info = registry.counties.get(county.countyCode);
      if (!info) throw new Error(`county ${county.countyCode} is not in the registry's county list`);
      await writeCountyFiles(writer, info, county, styleOf(county.countyCode, batch.place), spec.seed, spec.years);
      result.counties.push({ code: info.code, name: info.name });
      result.communities += county.communityCount;
    }
  }
  return result;
}
