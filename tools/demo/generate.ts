/**
 * The demo inbox generator's library entry: writes a synthetic inbox (docs/inbox.md) for a scale, labelled as
 * such, deterministically for a seed. Files are written into a temporary folder beside the output and
 * renamed into place at the end, so a failed run leaves no half-written inbox.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from '../../pipeline/cli-error.ts';
import type { Logger } from '../../pipeline/logger.ts';
import { totalBadRows } from './bad-rows.ts';
import { countyMatches, type CommunityFilter } from './community-batches.ts';
import type { Scale } from './house-style.ts';
import { DATASETS, FILE_PREFIX, InboxWriter, type Dataset } from './inbox-writer.ts';
import { manifestJson, MANIFEST_FILE, MARKER_FILE, markerText, type DemoManifest } from './manifest.ts';
import { SEED_PLACES } from './places.ts';
import { loadRegistryIndex } from './registry-index.ts';
import { runInWorkers } from './parallel.ts';
import { renderWages } from './render.ts';
import { runShard, type ShardSpec } from './shard.ts';
import { wageRows } from './wages.ts';
import { encodeCsv } from './writers/csv.ts';

/** The wages file's form name (one file for the whole run). */
const FORM_WAGES = '县级在岗职工平均工资';

/** What to generate. */
export interface DemoOptions {
  scale: Scale;
  /** First and last year, inclusive. */
  years: readonly [number, number];
  out: string;
  seed: number;
  /** Only communities whose code starts with one of these (a bounded subset of the scale). */
  onlyPrefixes?: readonly string[];
  /** Only the first this many counties of the scale. */
  maxCounties?: number;
  /** Replace a non-empty output folder. */
  force?: boolean;
  /** Worker threads (default 1). More split the provinces between threads; the files are the same. */
  workers?: number;
  logger?: Logger;
}

/** What a run wrote: the manifest plus where and how long. */
export interface DemoSummary extends DemoManifest {
  out: string;
  bytes: number;
  elapsedMs: number;
}

/** Defaults of `npm run demo` (README.md). */
export const DEMO_DEFAULTS = { scale: 'seed' as Scale, years: [2015, 2024] as const, out: 'data/inbox', seed: 1 };

/**
 * Years the generator accepts: from 2000 (wage and coverage paths are extended that far back) to the
 * current year, since the pipeline refuses rows from the future. The clock only bounds the options; it
 * never reaches the files.
 */
export function yearLimits(): { min: number; max: number } {
  return { min: 2000, max: new Date().getUTCFullYear() };
}

/** The registry prefixes a scale covers. */
export function scalePrefixes(scale: Scale): string[] {
  if (scale === 'seed') return SEED_PLACES.map((p) => p.prefix);
  if (scale === 'province') return ['61'];
  return [''];
}

function yearList([first, last]: readonly [number, number]): number[] {
  const { min, max } = yearLimits();
  if (!Number.isInteger(first) || !Number.isInteger(last) || first > last || first < min || last > max) {
    throw new CliError(`bad years: ${first}-${last} (expected a range within ${min}-${max}, first ≤ last)`, 2);
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether a folder holds exactly a previous demo inbox: its manifest says synthetic and lists every file. */
async function isPreviousDemo(dir: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Partial<DemoManifest>;
    if (manifest.synthetic !== true || !Array.isArray(manifest.files)) return false;
    const known = new Set([MANIFEST_FILE, MARKER_FILE, ...manifest.files.map((f) => f.path)]);
    const walk = async (sub: string): Promise<boolean> => {
      for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
        const path = sub ? `${sub}/${entry.name}` : entry.name;
        if (entry.isDirectory() ? !(await walk(path)) : !known.has(path)) return false;
      }
      return true;
    };
    return await walk('');
  } catch {
    return false;
  }
}

/**
 * Moves the finished temporary folder to `out`. An existing empty folder, or one holding only a
 * previous demo inbox, is replaced; anything else needs `force`, so a real inbox is never overwritten.
 */
async function publish(tmp: string, out: string, force: boolean): Promise<void> {
  if (await exists(out)) {
    const entries = await readdir(out);
    if (entries.length === 0) await rmdir(out);
    else if (force || (await isPreviousDemo(out))) {
      const old = `${tmp}.old`;
      await rename(out, old);
      await rename(tmp, out);
      await rm(old, { recursive: true, force: true });
      return;
    } else {
      throw new CliError(
        `output folder is not empty and not a previous demo inbox: ${out} (choose another --out, or pass --force to replace it)`,
      );
    }
  }
  await rename(tmp, out);
}

/** Each county's position among the counties the filter can reach, in code order: it picks the house style. */
function countyOrdinals(counties: Iterable<string>, filter: CommunityFilter): [string, number][] {
  const out: [string, number][] = [];
  for (const code of counties) if (countyMatches(code, filter)) out.push([code, out.length]);
  return out;
}

/** Writes the demo inbox and returns what it wrote. */
export async function generateDemoInbox(options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const years = yearList(options.years);
  if (!Number.isSafeInteger(options.seed) || options.seed < 0)
    throw new CliError(`bad seed: ${options.seed} (expected a whole number ≥ 0)`, 2);
  const workers = options.maxCounties === undefined ? Math.max(1, options.workers ?? 1) : 1;
  const out = resolve(options.out);
  await mkdir(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.demo-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp, { recursive: true });
  try {
    const registry = await loadRegistryIndex();
    const filter: CommunityFilter = {
      prefixes: scalePrefixes(options.scale),
      onlyPrefixes: options.onlyPrefixes,
      maxCounties: options.maxCounties,
    };
    const spec: ShardSpec = {
      scale: options.scale,
      years,
      seed: options.seed,
      filter,
      root: tmp,
      ordinals: countyOrdinals(registry.counties.keys(), filter),
    };
    const shard = workers > 1 ? await runInWorkers(spec, workers) : await runShard(spec, options.logger);
    if (shard.counties.length === 0) throw new CliError('no communities match the options: nothing to generate', 2);

    const writer = new InboxWriter(tmp);
    const wages = renderWages(wageRows(options.seed, shard.counties, years));
    const wageBytes = encodeCsv(wages.header, wages.rows as (string | number | null)[][], {
      encoding: 'utf-8',
      bom: true,
      crlf: false,
    });
    await writer.write(
      {
        path: `wages/${FILE_PREFIX}${FORM_WAGES}.csv`,
        dataset: 'wages',
        format: 'csv',
        encoding: 'utf-8-bom',
        rows: wages.rows.length,
      },
      wageBytes,
    );
    const files = [...shard.files, ...writer.files];

    const rows = Object.fromEntries(DATASETS.map((d) => [d, 0])) as Record<Dataset, number>;
    for (const f of files) rows[f.dataset] += f.rows;
    const manifest: DemoManifest = {
      synthetic: true,
      generator: 'community-balance demo',
      seed: options.seed,
      scale: options.scale,
      years,
      only_prefixes: [...(options.onlyPrefixes ?? [])],
      max_counties: options.maxCounties ?? null,
      communities: shard.communities,
      counties: shard.counties.length,
      file_prefix: FILE_PREFIX,
      files,
      rows,
      bad_rows: { ...shard.bad, total: totalBadRows(shard.bad) },
      warnings: shard.warnings,
      skipped_units: shard.skipped,
    };
    const json = manifestJson(manifest);
    await writeFile(join(tmp, MANIFEST_FILE), json);
    await writeFile(join(tmp, MARKER_FILE), markerText(manifest));
    await publish(tmp, out, options.force ?? false);
    const bytes = files.reduce((n, f) => n + f.bytes, 0);
    return { ...(JSON.parse(json) as DemoManifest), out, bytes, elapsedMs: performance.now() - started };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Worker threads the CLI and benchmarks use by default: all cores (up to 4) for the large scales. */
export function defaultWorkers(scale: Scale): number {
  return scale === 'seed' ? 1 : Math.min(4, availableParallelism());
}

/** For benchmarks: generates a scale into a folder (replacing it) and returns the totals. */
export async function runDemoScale(
  scale: Scale,
  dir: string,
  options: Partial<Omit<DemoOptions, 'scale' | 'out'>> = {},
): Promise<{ files: number; rows: number; bytes: number }> {
  const summary = await generateDemoInbox({
    scale,
    out: dir,
    years: options.years ?? DEMO_DEFAULTS.years,
    seed: options.seed ?? DEMO_DEFAULTS.seed,
    force: true,
    workers: defaultWorkers(scale),
    ...options,
  });
  const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  return { files: summary.files.length, rows, bytes: summary.bytes };
}
