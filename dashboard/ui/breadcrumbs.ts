import { regionLevel } from '../../contract/region-level.ts';
import { h } from './h.ts';
import type { PageContext } from './page-context.ts';
import { stateLink } from './state-link.ts';

/** The path from the nation to the selected region, each step a link, the last one current. */
export function breadcrumbs(ctx: Pick<PageContext, 'state' | 'ui' | 'url' | 'tree'>): HTMLElement {
  const { state, ui, url, tree } = ctx;
  const path = tree.path(state.region);
  const last = path.at(-1);
  if (last?.code !== state.region) {
    path.push({ level: regionLevel(state.region), code: state.region, name: state.region, parent: null });
  }
  return h(
    'nav',
    { class: 'breadcrumbs', 'aria-label': ui.t('breadcrumb') },
    h(
      'ol',
      null,
      path.map((region, i) =>
        h(
          'li',
          null,
          region.level === 'nation' ? null : h('span', { class: 'level' }, ui.levelName(region.level)),
          i === path.length - 1
            ? h(
                'span',
                { 'aria-current': 'location', class: 'current', 'data-region': region.code },
                ui.placeName(region.code, region.name),
              )
            : stateLink(
                url,
                { region: region.code },
                { 'data-region': region.code, 'data-focus-key': `crumb-${region.code}` },
                ui.placeName(region.code, region.name),
              ),
        ),
      ),
    ),
  );
}

/** Links to the selected region's sub-regions (or a township's communities). */
export function childLinks(ctx: Pick<PageContext, 'state' | 'ui' | 'url' | 'tree'>): HTMLElement | null {
  const { state, ui, url, tree } = ctx;
  const children = tree.children(state.region);
  if (children.length === 0) return null;
  const label = children[0]!.level === 'community' ? ui.t('level_community') : ui.t('children_label');
  return h(
    'nav',
    { class: 'child-links', 'aria-label': label },
    h('span', { class: 'label' }, label),
    h(
      'ul',
      null,
      children.map((child) =>
        h(
          'li',
          null,
          stateLink(
            url,
            { region: child.code, ...(child.level === 'community' ? { page: 'community' as const } : {}) },
            { 'data-region': child.code, 'data-focus-key': `child-${child.code}` },
            ui.placeName(child.code, child.name),
          ),
        ),
      ),
    ),
  );
}
