import { parseViewState, serializeViewState, type StateDefaults, type ViewState } from './view-state.ts';

/** Keeps the view in the address bar: push on navigation, re-render on back and forward. */
export class UrlState {
  #state: ViewState;
  readonly #defaults: StateDefaults;
  readonly #listeners = new Set<(state: ViewState) => void>();

  constructor(defaults: StateDefaults) {
    this.#defaults = defaults;
    this.#state = parseViewState(location.search, defaults);
    // Normalise the address once, so the first view is as linkable as any other.
    history.replaceState(null, '', serializeViewState(this.#state) + location.hash);
    addEventListener('popstate', () => {
      this.#state = parseViewState(location.search, this.#defaults);
      this.#emit();
    });
  }

  get state(): ViewState {
    return this.#state;
  }

  /** The address of the view with these changes, for links that also work when opened in a new tab. */
  href(patch: Partial<ViewState>): string {
    return serializeViewState({ ...this.#state, ...patch });
  }

  /** Moves to a view: a new history entry, unless `replace` (for refinements like typing). */
  go(patch: Partial<ViewState>, replace = false): void {
    const next = { ...this.#state, ...patch };
    const url = serializeViewState(next);
    if (url === serializeViewState(this.#state)) return;
    this.#state = next;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#emit();
  }

  onChange(listener: (state: ViewState) => void): void {
    this.#listeners.add(listener);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener(this.#state);
  }
}
