import type { Column } from '../charts/chart-figure.ts';
import { groupsOf, narrowestGroup, type GroupId } from '../../contract/indicators.ts';
import { measureOf } from '../data/measure-of.ts';
import type { CommunityRow } from '../../contract/published-types.ts';
import type { Romanizer } from '../i18n/romanizer.ts';
import { KEY_INDICATORS } from './kpi-cards.ts';
import { tableDownloads } from '../export/table-downloads.ts';
import { h } from '../ui/h.ts';
import type { PageContext } from '../ui/page-context.ts';
import { stateLink } from '../ui/state-link.ts';

/** The most rows drawn at once; the CSV holds every filtered row. */
const SHOWN = 500;

/**
 * Every community of a region in a year as a table: sortable by any column (click its heading),
 * filtered by name, pinyin or code and by group, each name a link to the community's profile.
 */
export function communityTable(ctx: PageContext, rows: readonly CommunityRow[], romanizer: Romanizer): HTMLElement {
  const { ui, state, url, tree } = ctx;
  const { t, fmt } = ui;
  const ofYear = rows.filter((c) => c.year === state.year);
  const indicators = [state.indicator, ...KEY_INDICATORS.filter((id) => id !== state.indicator)].filter((id) =>
    ctx.store.manifest.indicators.some((i) => i.id === id),
  );
  const columns: (Column<CommunityRow> & { sort: (c: CommunityRow) => string | number | null })[] = [
    { key: 'name', label: t('col_name'), text: (c) => ui.placeName(c.community_code, c.name), sort: (c) => c.name },
    { key: 'code', label: t('col_code'), text: (c) => c.community_code, sort: (c) => c.community_code },
    {
      key: 'township',
      label: t('col_township'),
      text: (c) => ui.placeName(c.township_code, tree.get(c.township_code)?.name),
      sort: (c) => c.township_code,
    },
    {
      key: 'group',
      label: t('col_group'),
      text: (c) => ui.groupName(narrowestGroup(c)),
      sort: (c) => narrowestGroup(c),
    },
    {
      key: 'households',
      label: t('col_households'),
      text: (c) => fmt.int(c.households),
      value: (c) => c.households,
      numeric: true,
      sort: (c) => c.households,
    },
    ...indicators.map((id) => ({
      key: id,
      label: ui.indicatorName(id),
      text: (c: CommunityRow) => fmt.value(ui.indicator(id), measureOf(c, id)),
      value: (c: CommunityRow) => measureOf(c, id),
      numeric: true,
      sort: (c: CommunityRow) => measureOf(c, id),
    })),
  ];
  let sortKey = 'code';
  let descending = false;
  let query = '';
  let group: GroupId | '' = '';
  const filter = h('input', {
    id: 'community-filter',
    type: 'search',
    autocomplete: 'off',
    placeholder: t('community_table_filter_placeholder'),
  });
  const groupSelect = h(
    'select',
    { id: 'community-group' },
    h('option', { value: '' }, t('community_table_all_groups')),
    ctx.store.manifest.groups.map((g) => h('option', { value: g }, ui.groupName(g))),
  );
  const title = t('community_table_title', { year: state.year });
  const count = h('p', { class: 'chart-meta', role: 'status' });
  const head = h('thead');
  const body = h('tbody');
  const visible = () => {
    const q = query.trim();
    const hits = ofYear.filter(
      (c) =>
        (!group || groupsOf(c).includes(group)) &&
        (!q || c.name.includes(q) || c.community_code.startsWith(q) || romanizer.matches(c.name, q)),
    );
    const column = columns.find((c) => c.key === sortKey)!;
    // Unknown values sort last whichever the direction, as a reader looking for the extremes expects.
    return hits.sort((x, y) => {
      const a = column.sort(x);
      const b = column.sort(y);
      if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
      const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
      return descending ? -order : order;
    });
  };
  const draw = () => {
    const hits = visible();
    head.replaceChildren(
      h(
        'tr',
        null,
        columns.map((c) =>
          h(
            'th',
            {
              scope: 'col',
              class: c.numeric ? 'num' : null,
              'aria-sort': c.key === sortKey ? (descending ? 'descending' : 'ascending') : 'none',
            },
            h(
              'button',
              {
                type: 'button',
                class: 'sort-button',
                'data-sort': c.key,
                title: t('community_table_sort', { column: c.label }),
                onclick: () => {
                  descending = c.key === sortKey ? !descending : c.numeric === true;
                  sortKey = c.key;
                  draw();
                },
              },
              c.label,
              c.key === sortKey ? (descending ? ' ▼' : ' ▲') : '',
            ),
          ),
        ),
      ),
    );
    body.replaceChildren(
      ...hits.slice(0, SHOWN).map((c) =>
        h(
          'tr',
          { 'data-region': c.community_code },
          columns.map((col) =>
            h(
              'td',
              { 'data-key': col.key, class: col.numeric ? 'num' : null },
              col.key === 'name'
                ? stateLink(url, { region: c.community_code, page: 'community' }, null, col.text(c))
                : col.text(c),
            ),
          ),
        ),
      ),
    );
    count.textContent =
      t('community_table_count', { shown: fmt.int(Math.min(SHOWN, hits.length)), total: fmt.int(hits.length) }) +
      (hits.length > SHOWN ? t('community_table_first', { n: SHOWN }) : '');
  };
  filter.addEventListener('input', () => {
    query = filter.value;
    draw();
  });
  groupSelect.addEventListener('change', () => {
    group = groupSelect.value as GroupId | '';
    draw();
  });
  draw();
  return h(
    'figure',
    { class: 'chart community-table', 'data-chart': 'community-table' },
    h('figcaption', null, h('h3', null, title), count),
    h(
      'div',
      { class: 'compare-add' },
      h('label', { for: 'community-filter' }, t('community_table_filter')),
      filter,
      h('label', { for: 'community-group' }, t('community_table_group')),
      groupSelect,
    ),
    h('div', { class: 'table-scroll' }, h('table', null, head, body)),
    h(
      'div',
      { class: 'chart-actions' },
      // Every filtered row, in the order shown, not only the first SHOWN drawn.
      ...tableDownloads({ id: 'community-table', title, rows: visible, columns, ui }),
    ),
  );
}
