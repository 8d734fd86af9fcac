import type { UrlState } from '../state/url-state.ts';
import type { ViewState } from '../state/view-state.ts';
import { h, type Attrs, type Child } from './h.ts';

/**
 * A real link to another view (so it can be opened in a new tab or copied) that, on a plain click,
 * moves within the app without reloading.
 */
export function stateLink(
  url: UrlState,
  patch: Partial<ViewState>,
  attrs: Attrs | null,
  ...children: Child[]
): HTMLAnchorElement {
  return h(
    'a',
    {
      ...attrs,
      href: url.href(patch),
      onclick: (event: Event) => {
        const e = event as MouseEvent;
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        url.go(patch);
      },
    },
    ...children,
  );
}
