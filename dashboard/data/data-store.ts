import type {
  CommunityComplianceRow,
  CommunityRow,
  ComplianceRow,
  CurrentPointer,
  FundingSourceRow,
  GapRow,
  GroupRow,
  InequalityRow,
  Manifest,
  PlaceRow,
  QualityReport,
  RegionRow,
  RunHistory,
  RunRecord,
} from '../../contract/published-types.ts';
import { gapsFromGroups } from '../../core/metrics/gaps-from-groups.ts';
import { earlyOrFetch } from './early-fetches.ts';
import { rowsFromArrow } from './rows-from-arrow.ts';

/** The shards published for every region down to the county (docs/data-layout.md). */
export interface RegionShards {
  gaps: GapRow;
  groups: GroupRow;
  inequality: InequalityRow;
  compliance: ComplianceRow;
  'funding-sources': FundingSourceRow;
}

/** The shards published for a county only. */
export interface CountyShards {
  communities: CommunityRow;
  'community-compliance': CommunityComplianceRow;
}

/**
 * Reads the published data for the browser: current.json first (never cached, so a new publication is
 * picked up on reload), then only the files of that version a page asks for, each fetched once.
 */
export class DataStore {
  readonly current: CurrentPointer;
  readonly manifest: Manifest;
  readonly #version: URL;
  readonly #cache = new Map<string, Promise<unknown>>();

  private constructor(current: CurrentPointer, manifest: Manifest, version: URL, regions: Promise<RegionRow[]>) {
    this.current = current;
    this.manifest = manifest;
    this.#version = version;
    this.#cache.set('regions.arrow', regions);
  }

  /** Opens the live version under a data folder URL (the page's `data/`). */
  static async open(data: URL): Promise<DataStore> {
    const current = (await fetchJson(new URL('current.json', data), 'no-cache', true)) as CurrentPointer;
    const version = new URL(`${encodeURIComponent(current.version)}/`, data);
    // Every page needs the region tree: fetch it beside the manifest instead of after it.
    const regions = fetchArrow<RegionRow>(version, 'regions.arrow', true);
    regions.catch(() => undefined);
    const manifest = (await fetchJson(new URL('manifest.json', version), 'default', true)) as Manifest;
    return new DataStore(current, manifest, version, regions);
  }

  /** Whether the data is synthetic, as either the pointer or the manifest says. */
  get synthetic(): boolean {
    return this.current.synthetic === true || this.manifest.synthetic === true;
  }

  /** The address of a file of the live version, for downloads. */
  fileUrl(path: string): string {
    return new URL(path, this.#version).href;
  }

  regions(): Promise<RegionRow[]> {
    return this.#arrow<RegionRow>('regions.arrow');
  }

  /**
   * A shard of a region down to the county: the region and its direct children. Gaps are no shard of
   * their own: they follow from the groups shard (and the names from the region tree).
   */
  region<K extends keyof RegionShards>(code: string, shard: K): Promise<RegionShards[K][]> {
    const path = `region/${code}/${shard}.arrow`;
    if (shard !== 'gaps') return this.#arrow<RegionShards[K]>(path);
    return this.#once(`region/${code}/gaps`, async () => {
      const [groups, regions] = await Promise.all([this.region(code, 'groups'), this.regions()]);
      const names = new Map(regions.map((r) => [`${r.level}|${r.code}`, r.name]));
      return gapsFromGroups(groups, this.manifest, (level, c) => names.get(`${level}|${c}`) ?? null);
    }) as Promise<RegionShards[K][]>;
  }

  /** A shard that only counties publish: their communities. */
  county<K extends keyof CountyShards>(code: string, shard: K): Promise<CountyShards[K][]> {
    return this.#arrow<CountyShards[K]>(`region/${code}/${shard}.arrow`);
  }

  /** Townships and communities of a province, for search. */
  search(province: string): Promise<PlaceRow[]> {
    return this.#arrow<PlaceRow>(`search/${province}.arrow`);
  }

  quality(): Promise<QualityReport> {
    return this.#once('quality.json', () => fetchJson(new URL('quality.json', this.#version))) as Promise<QualityReport>;
  }

  /**
   * The run history, if the pipeline publishes one: the run log beside current.json, which every run
   * rewrites (failed ones included), else the snapshot the live version was published with; null
   * when there is neither.
   */
  async runs(): Promise<RunRecord[] | null> {
    return (await this.runHistory())?.runs ?? null;
  }

  /** The whole run record: runs with their steps, tests and changes, and freshness. */
  runHistory(): Promise<LoadedRunHistory | null> {
    const live = new URL('../runs.json', this.#version);
    const named = this.current.runs ?? this.manifest.runs;
    const snapshot = named ? new URL(named, new URL('../', this.#version)) : null;
    return this.#once('runs', async () => (await fetchRunHistory(live)) ?? (snapshot && snapshot.href !== live.href ? fetchRunHistory(snapshot) : null)) as Promise<LoadedRunHistory | null>;
  }

  #arrow<Row>(path: string): Promise<Row[]> {
    return this.#once(path, () => fetchArrow<Row>(this.#version, path)) as Promise<Row[]>;
  }

  #once(key: string, load: () => Promise<unknown>): Promise<unknown> {
    let pending = this.#cache.get(key);
    if (!pending) {
      pending = load();
      // A failed load is forgotten so that a retry (e.g. after a network blip) fetches again.
      pending.catch(() => this.#cache.delete(key));
      this.#cache.set(key, pending);
    }
    return pending;
  }
}

async function fetchRunHistory(url: URL): Promise<LoadedRunHistory | null> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) return null;
  const body = (await response.json()) as unknown;
  // An older pipeline published the runs as a bare array.
  if (Array.isArray(body)) return { runs: body as RunRecord[], freshness: [], freshness_warn_days: null };
  const history = body as Partial<RunHistory>;
  return Array.isArray(history.runs)
    ? { runs: history.runs, freshness: history.freshness ?? [], freshness_warn_days: history.freshness_warn_days ?? null }
    : null;
}

/**
 * A shard's rows; `path` (relative to the version) names it in an error. `early`: the page's inline
 * script may have asked for it already.
 */
async function fetchArrow<Row>(version: URL, path: string, early = false): Promise<Row[]> {
  // Data is what a page waits for: ahead of code chunks that are still queued.
  const init: RequestInit = { priority: 'high' };
  const response = await (early ? earlyOrFetch(new URL(path, version), init) : fetch(new URL(path, version), init));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return rowsFromArrow<Row>(new Uint8Array(await response.arrayBuffer()));
}

async function fetchJson(url: URL, cache: RequestCache = 'default', early = false): Promise<unknown> {
  const init: RequestInit = { cache, priority: 'high' };
  const response = await (early ? earlyOrFetch(url, init) : fetch(url, init));
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

/** The run record as the pages use it: runs.json, or what an older publication held. */
export type LoadedRunHistory = Pick<RunHistory, 'runs' | 'freshness'> & { freshness_warn_days: number | null };
