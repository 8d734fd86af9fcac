import { regionLevel, regionPath } from '../../contract/region-level.ts';
import type { PlaceRow } from '../../contract/published-types.ts';
import type { Romanizer } from '../i18n/romanizer.ts';

/** The regions that have data (regions.arrow), with lookups for breadcrumbs and child lists. */
export class RegionTree {
  readonly #byCode = new Map<string, PlaceRow>();
  readonly #children = new Map<string, PlaceRow[]>();

  constructor(rows: readonly PlaceRow[]) {
    for (const row of rows) this.add(row);
  }

  /** Adds regions learnt later, e.g. the communities of a county shard. */
  add(row: PlaceRow): void {
    if (this.#byCode.has(row.code)) return;
    this.#byCode.set(row.code, row);
    if (row.parent) {
      const siblings = this.#children.get(row.parent) ?? [];
      siblings.push(row);
      this.#children.set(row.parent, siblings);
    }
  }

  get(code: string): PlaceRow | undefined {
    return this.#byCode.get(code);
  }

  children(code: string): PlaceRow[] {
    return [...(this.#children.get(code) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The region and its ancestors, nation first; unknown ancestors are left out. */
  path(code: string): PlaceRow[] {
    return regionPath(code)
      .map((c) => this.#byCode.get(c))
      .filter((r): r is PlaceRow => r !== undefined);
  }

  /** Regions whose name contains the text or whose code starts with it, or, with a romanizer, whose pinyin matches. */
  find(text: string, limit = 20, romanizer: Romanizer | null = null): PlaceRow[] {
    const q = text.trim();
    if (!q) return [];
    const hits: PlaceRow[] = [];
    for (const row of this.#byCode.values()) {
      if (row.code.startsWith(q) || row.name.includes(q) || romanizer?.matches(row.name, q)) hits.push(row);
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** Whether a code is a known region, or a community code whose county is known. */
  plausible(code: string): boolean {
    return this.#byCode.has(code) || (regionLevel(code) === 'community' && this.#byCode.has(code.slice(0, 6)));
  }
}
