import type { PlaceRow } from '../../contract/published-types.ts';
import type { PageContext } from './page-context.ts';
import { h } from './h.ts';
import { stateLink } from './state-link.ts';
import { loadRomanizer } from '../i18n/romanizer.ts';

const LIMIT = 30;

/**
 * Search by Chinese name or code. Regions (nation to township) are searched in regions.arrow, which is
 * already loaded; communities in the province's search shard, fetched only once the user searches
 * (at the nation, only for a code that names a province, or on request for every province).
 */
export class SearchBox {
  readonly element: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #label: HTMLLabelElement;
  readonly #results: HTMLElement;
  #ctx: PageContext | null = null;
  #timer = 0;
  #query = 0;

  constructor() {
    this.#input = h('input', {
      id: 'search',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-controls': 'search-results',
    });
    this.#label = h('label', { for: 'search' });
    this.#results = h('div', { id: 'search-results', class: 'search-results', 'aria-live': 'polite' });
    this.element = h('div', { class: 'search', role: 'search' }, this.#label, this.#input, this.#results);
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => void this.#search(false), 150);
    });
    this.#input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.#clear();
      if (e.key === 'Enter') {
        e.preventDefault();
        void this.#search(false);
      }
    });
  }

  /** Follows the view: labels in its language, and the province it searches in. */
  update(ctx: PageContext): void {
    const changedRegion = this.#ctx?.state.region !== ctx.state.region;
    this.#ctx = ctx;
    this.#label.textContent = ctx.ui.t('search_label');
    this.#input.placeholder = ctx.ui.t('search_placeholder');
    this.#input.title = ctx.ui.t('search_hint');
    if (changedRegion) this.#clear();
    else if (this.#input.value.trim()) void this.#search(false);
  }

  #clear(): void {
    this.#results.replaceChildren();
  }

  async #search(everywhere: boolean): Promise<void> {
    const ctx = this.#ctx;
    if (!ctx) return;
    const { tree, store, ui, url } = ctx;
    const q = this.#input.value.trim();
    const ticket = ++this.#query;
    if (!q) return this.#clear();
    // Pinyin is matched only for Latin queries, and its dictionary loaded only then.
    const romanizer = /[a-z]/i.test(q) ? (ui.romanizer ?? (await loadRomanizer())) : null;
    if (ticket !== this.#query) return;
    const hits: PlaceRow[] = tree.find(q, LIMIT, romanizer);
    const provinces = this.#provinces(q, everywhere);
    for (const province of provinces) {
      if (hits.length >= LIMIT) break;
      const rows = await store.search(province);
      if (ticket !== this.#query) return;
      for (const row of rows) {
        if (hits.length >= LIMIT) break;
        // The tree may already know a township's communities: list each place once.
        if (
          row.level === 'community' &&
          (row.code.startsWith(q) || row.name.includes(q) || romanizer?.matches(row.name, q)) &&
          !hits.some((h) => h.code === row.code)
        )
          hits.push(row);
      }
    }
    const offerAll = !everywhere && ctx.state.region === 'CN' && provinces.length === 0 && !/^\d+$/.test(q);
    const parts = [
      h('p', { class: 'visually-hidden' }, ui.t('search_results')),
      hits.length
        ? h(
            'ul',
            null,
            hits.map((row) =>
              h(
                'li',
                null,
                stateLink(
                  url,
                  { region: row.code, ...(row.level === 'community' ? { page: 'community' as const } : {}) },
                  { 'data-region': row.code },
                  h('span', { class: 'name' }, ui.placeName(row.code, row.name)),
                  h('span', { class: 'meta' }, `${ui.levelName(row.level)} · ${row.code}`),
                ),
              ),
            ),
          )
        : h('p', { class: 'note' }, ui.t('search_none')),
      offerAll
        ? h(
            'button',
            { type: 'button', class: 'link-button', onclick: () => void this.#search(true) },
            ui.t('search_all_provinces'),
          )
        : null,
    ];
    this.#results.replaceChildren(...parts.filter((p) => p !== null));
  }

  /** The provinces whose search shards a query needs. */
  #provinces(q: string, everywhere: boolean): string[] {
    const { state, tree } = this.#ctx!;
    if (state.region !== 'CN') return [state.region.slice(0, 2)];
    if (/^\d{2}/.test(q) && tree.get(q.slice(0, 2))) return [q.slice(0, 2)];
    return everywhere ? tree.children('CN').map((p) => p.code) : [];
  }
}
