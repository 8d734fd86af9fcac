/**
 * Splits a run between worker threads by province (largest first, each to the least loaded worker) and
 * merges what they wrote. Every file depends only on its county, so the output is the same as one
 * thread's; only the wall-clock time changes.
 */
import { Worker } from 'node:worker_threads';
import { registryFiles } from '../../pipeline/registry/files.ts';
import { emptyBadRows, type BadRowCounts } from './bad-rows.ts';
import { countyMatches } from './community-batches.ts';
import { registryRows } from './registry-index.ts';
import type { ShardResult, ShardSpec } from './shard.ts';

/** Communities per province among the counties a filter can reach (one pass over the registry). */
async function provinceSizes(spec: ShardSpec): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for await (const [code, , , , , county] of registryRows(registryFiles().communities)) {
    if (!countyMatches(county!, spec.filter)) continue;
    const p = code!.slice(0, 2);
    sizes.set(p, (sizes.get(p) ?? 0) + 1);
  }
  return sizes;
}

/** Provinces per worker, balancing community counts. */
export function assignProvinces(sizes: ReadonlyMap<string, number>, workers: number): string[][] {
  const shares = Array.from({ length: workers }, () => ({ load: 0, provinces: [] as string[] }));
  for (const [province, n] of [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const target = shares.reduce((min, s) => (s.load < min.load ? s : min));
    target.load += n;
    target.provinces.push(province);
  }
  return shares.filter((s) => s.provinces.length).map((s) => s.provinces.sort());
}

function runWorker(spec: ShardSpec): Promise<ShardResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./shard-worker-bootstrap.mjs', import.meta.url), { workerData: spec });
    let settled = false;
    worker.once('message', (message: { ok: true; result: ShardResult } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(`demo worker failed: ${message.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`demo worker exited with code ${code} before reporting`));
    });
  });
}

function addCounts(into: BadRowCounts, from: BadRowCounts): void {
  for (const [dataset, kinds] of Object.entries(from) as [keyof BadRowCounts, Record<string, number>][]) {
    const target = into[dataset] as Record<string, number>;
    for (const [kind, n] of Object.entries(kinds)) target[kind] = (target[kind] ?? 0) + n;
  }
}

/** Runs a spec split over up to `workers` threads and merges the results. */
export async function runInWorkers(spec: ShardSpec, workers: number): Promise<ShardResult> {
  const shares = assignProvinces(await provinceSizes(spec), workers);
  const results = await Promise.all(
    shares.map((provinces) => runWorker({ ...spec, filter: { ...spec.filter, provinces } })),
  );
  const merged: ShardResult = {
    files: [],
    bad: emptyBadRows(),
    warnings: { identical_duplicate: 0 },
    skipped: [],
    counties: [],
    communities: 0,
  };
  for (const r of results) {
    merged.files.push(...r.files);
    addCounts(merged.bad, r.bad);
    merged.warnings.identical_duplicate += r.warnings.identical_duplicate;
    merged.skipped.push(...r.skipped);
    merged.counties.push(...r.counties);
    merged.communities += r.communities;
  }
  merged.skipped.sort((a, b) => (a.code < b.code ? -1 : 1));
  merged.counties.sort((a, b) => (a.code < b.code ? -1 : 1));
  return merged;
}
