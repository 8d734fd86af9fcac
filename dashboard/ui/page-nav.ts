import { PAGES } from '../state/view-state.ts';
import { h } from './h.ts';
import type { PageContext } from './page-context.ts';
import { stateLink } from './state-link.ts';

/** The page tabs, the current one marked for assistive technology. */
export function pageNav(ctx: Pick<PageContext, 'state' | 'ui' | 'url'>): HTMLElement {
  const { state, ui, url } = ctx;
  return h(
    'ul',
    { class: 'page-nav' },
    PAGES.map((page) =>
      h(
        'li',
        null,
        stateLink(
          url,
          { page },
          { 'aria-current': page === state.page ? 'page' : null, 'data-page': page, 'data-focus-key': `page-${page}` },
          ui.t(`page_${page}`),
        ),
      ),
    ),
  );
}
