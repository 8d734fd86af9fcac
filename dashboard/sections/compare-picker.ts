import type { PlaceRow } from '../../contract/published-types.ts';
import type { Romanizer } from '../i18n/romanizer.ts';
import { MAX_COMPARED } from '../state/compare-param.ts';
import { h } from '../ui/h.ts';
import type { PageContext } from '../ui/page-context.ts';
import { stateLink } from '../ui/state-link.ts';

/**
 * The compared regions as removable chips, a field to add one by name, pinyin or code, and quick
 * additions (the regions above the first one). Every change is a new address, so the view is a
 * permalink.
 */
export function comparePicker(ctx: PageContext, codes: readonly string[], romanizer: Romanizer): HTMLElement {
  const { ui, url, tree } = ctx;
  const { t } = ui;
  const name = (code: string) => ui.placeName(code, tree.get(code)?.name);
  const go = (next: readonly string[]) => url.go({ page: 'compare', compare: next.join(',') });
  const full = codes.length >= MAX_COMPARED;
  const input = h('input', {
    id: 'compare-add',
    type: 'search',
    autocomplete: 'off',
    list: 'compare-add-options',
    placeholder: t('compare_add_placeholder'),
    'data-focus-key': 'compare-add',
    disabled: full,
  });
  const options = h('datalist', { id: 'compare-add-options' });
  const message = h('p', { class: 'note', role: 'status' });
  const match = (text: string): PlaceRow | undefined => {
    const q = text.trim();
    const code = /\((CN|\d+)\)$/.exec(q)?.[1];
    if (code && tree.get(code)) return tree.get(code);
    return tree.get(q) ?? tree.find(q, 1, romanizer)[0];
  };
  input.addEventListener('input', () => {
    options.replaceChildren(
      ...tree
        .find(input.value, 12, romanizer)
        .filter((r) => r.level !== 'community' && !codes.includes(r.code))
        .map((r) => h('option', { value: `${ui.placeName(r.code, r.name)} (${r.code})` }, ui.levelName(r.level))),
    );
  });
  const add = () => {
    const hit = match(input.value);
    if (!hit || hit.level === 'community') {
      message.textContent = t('compare_not_found', { text: input.value.trim() });
      return;
    }
    if (!codes.includes(hit.code)) go([...codes, hit.code]);
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });
  const first = codes[0];
  const quick = (first ? tree.path(first).map((r) => r.code) : ['CN'])
    .filter((code) => !codes.includes(code))
    .reverse();
  return h(
    'section',
    { class: 'page-section compare-picker', 'aria-labelledby': 'compare-picker-title' },
    h('h3', { class: 'section-title', id: 'compare-picker-title' }, t('compare_regions')),
    h(
      'ul',
      { class: 'compare-chips' },
      codes.map((code) =>
        h(
          'li',
          { 'data-region': code },
          stateLink(url, { region: code, page: 'overview' }, null, name(code)),
          h(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              'aria-label': t('compare_remove', { region: name(code) }),
              title: t('compare_remove', { region: name(code) }),
              onclick: () => go(codes.filter((c) => c !== code)),
            },
            '×',
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'compare-add' },
      h('label', { for: 'compare-add' }, t('compare_add')),
      input,
      options,
      h('button', { type: 'button', onclick: add, disabled: full }, t('compare_add_button')),
    ),
    full ? h('p', { class: 'note' }, t('compare_full', { n: MAX_COMPARED })) : null,
    !full && quick.length
      ? h(
          'p',
          { class: 'compare-quick' },
          t('compare_add_quick'),
          quick.map((code) =>
            h(
              'button',
              { type: 'button', class: 'link-button', 'data-add': code, onclick: () => go([...codes, code]) },
              name(code),
            ),
          ),
        )
      : null,
    message,
    h('p', { class: 'note' }, t('compare_permalink')),
  );
}
