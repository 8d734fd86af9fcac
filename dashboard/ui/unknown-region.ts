import { regionPath } from '../../contract/region-level.ts';
import type { RegionTree } from '../data/region-tree.ts';
import { h } from './h.ts';
import type { PageContext } from './page-context.ts';
import { stateLink } from './state-link.ts';

/** The deepest region above a code (or the code's own prefix) that has data; the nation at worst. */
export function nearestRegion(tree: RegionTree, code: string): string {
  const path = /^\d+$/.test(code) ? regionPath(code) : ['CN'];
  return [...path].reverse().find((c) => tree.get(c)) ?? 'CN';
}

/**
 * What a view of a region without data shows instead of silently showing the nation: that the code
 * has no data, and a link to the nearest region that has.
 */
export function unknownRegion(ctx: Pick<PageContext, 'state' | 'ui' | 'url' | 'tree'>): HTMLElement[] {
  const { state, ui, url, tree } = ctx;
  const { t } = ui;
  const nearest = nearestRegion(tree, state.region);
  return [
    h('header', { class: 'page-heading' }, h('h2', null, t('unknown_region_title', { code: state.region }))),
    h(
      'div',
      { class: 'unknown-region', role: 'alert' },
      h('p', null, t('unknown_region_text', { code: state.region })),
      h(
        'p',
        null,
        t('unknown_region_nearest'),
        stateLink(
          url,
          { region: nearest },
          { 'data-region': nearest, class: 'nearest-region' },
          ui.placeName(nearest, tree.get(nearest)?.name),
        ),
        nearest === 'CN'
          ? null
          : [' · ', stateLink(url, { region: 'CN' }, { 'data-region': 'CN' }, t('unknown_region_all'))],
      ),
    ),
  ];
}
