import { regionPath } from '../../contract/region-level.ts';
import type { PageContext } from './page-context.ts';
import { stateLink } from './state-link.ts';

/** "与…比较": opens the comparison with the region and the region above it, ready for more. */
export function compareLink(ctx: Pick<PageContext, 'state' | 'ui' | 'url' | 'tree'>): HTMLAnchorElement {
  const { state, ui, url, tree } = ctx;
  const code = state.region.length === 12 ? state.region.slice(0, 9) : state.region;
  const parent = regionPath(code).at(-2);
  const compare = [code, ...(parent ? [parent] : [])].join(',');
  return stateLink(
    url,
    { page: 'compare', compare },
    {
      class: 'compare-link',
      'data-focus-key': 'compare-link',
      'aria-label': ui.t('compare_with_label', { region: ui.placeName(code, tree.get(code)?.name) }),
    },
    ui.t('compare_with'),
  );
}
