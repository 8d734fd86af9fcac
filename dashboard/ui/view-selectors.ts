import type { GapId, Indicator } from '../../contract/indicators.ts';
import { themedIndicator, type ThemedIndicator } from '../state/themed-indicator.ts';
import { h } from './h.ts';
import type { PageContext } from './page-context.ts';

/** Which selectors a page uses. */
export interface SelectorNeeds {
  year: boolean;
  /** true: every indicator; a theme: only that theme's, for a page that draws nothing else. */
  indicator: boolean | ThemedIndicator;
  gap: boolean;
}

const THEMES: Indicator['theme'][] = ['facilities', 'staffing', 'funding', 'residents'];

/** The year, indicator and gap selectors; a change is a new view (and a history entry). */
export function viewSelectors(
  ctx: Pick<PageContext, 'state' | 'ui' | 'url' | 'store'>,
  needs: SelectorNeeds,
): HTMLElement {
  const { state, ui, url, store } = ctx;
  const { t } = ui;
  const { years, indicators } = store.manifest;
  const field = (id: string, label: string, select: HTMLSelectElement) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), select);
  const year = h(
    'select',
    {
      id: 'select-year',
      'data-focus-key': 'select-year',
      onchange: (e: Event) => url.go({ year: Number((e.target as HTMLSelectElement).value) }),
    },
    [...years].sort((a, b) => b - a).map((y) => h('option', { value: y, selected: y === state.year }, String(y))),
  );
  const themed = typeof needs.indicator === 'object' ? needs.indicator : null;
  const selected = themed ? themedIndicator(indicators, state.indicator, themed) : state.indicator;
  const indicator = h(
    'select',
    {
      id: 'select-indicator',
      'data-focus-key': 'select-indicator',
      onchange: (e: Event) => url.go({ indicator: (e.target as HTMLSelectElement).value }),
    },
    THEMES.filter((theme) => !themed || theme === themed.theme).map((theme) =>
      h(
        'optgroup',
        { label: t(`theme_${theme}`) },
        indicators
          .filter((i) => i.theme === theme)
          .map((i) => h('option', { value: i.id, selected: i.id === selected }, i[ui.lang])),
      ),
    ),
  );
  const gap = h(
    'select',
    {
      id: 'select-gap',
      'data-focus-key': 'select-gap',
      onchange: (e: Event) => url.go({ gap: (e.target as HTMLSelectElement).value as GapId }),
    },
    (['urban_rural', 'industry'] as const).map((g) =>
      h('option', { value: g, selected: g === state.gap }, t(`gap_${g}`)),
    ),
  );
  return h(
    'div',
    { class: 'selectors', role: 'group', 'aria-label': t('controls') },
    needs.year ? field('select-year', t('year'), year) : null,
    needs.indicator ? field('select-indicator', t('indicator'), indicator) : null,
    needs.gap ? field('select-gap', t('gap'), gap) : null,
  );
}
