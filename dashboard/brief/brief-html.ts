import { h, type Child } from '../ui/h.ts';
import { choropleth } from '../map/choropleth.ts';
import { briefChartSvg } from './brief-chart.ts';
import type { BriefBlock, BriefDocument, BriefItem } from './brief-document.ts';

function item(i: BriefItem): HTMLElement {
  return h(
    'li',
    null,
    i.text,
    i.notes.map((n) => [' ', h('span', { class: 'brief-source' }, n)]),
  );
}

function block(b: BriefBlock): Child {
  switch (b.kind) {
    case 'heading':
      return h(
        b.level === 3 ? 'h4' : 'h5',
        { class: `brief-${b.role} ${b.level === 3 ? 'brief-h4' : 'brief-subhead'}` },
        b.text,
      );
    case 'paragraph':
      return h('p', { class: b.role ? `brief-${b.role}` : null }, b.text);
    case 'list':
      return h(b.ordered ? 'ol' : 'ul', { class: b.role ? `brief-${b.role}` : null }, b.items.map(item));
    case 'table':
      return h(
        'table',
        { class: `brief-table brief-${b.role}` },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            b.head.map((x) => h('th', null, x)),
          ),
        ),
        h(
          'tbody',
          null,
          b.rows.map((row) =>
            h(
              'tr',
              null,
              row.map((cell, i) => h('td', { class: b.numeric[i] ? 'num' : null }, cell)),
            ),
          ),
        ),
      );
    case 'chart':
      return h(
        'figure',
        { class: 'brief-chart', 'data-chart': b.id },
        h('figcaption', null, b.title),
        briefChartSvg(b),
        h('p', { class: 'brief-note' }, b.note),
      );
    case 'map':
      return h(
        'figure',
        { class: 'brief-map', 'data-map': b.id },
        h('figcaption', null, b.title),
        choropleth(b.data, b.options),
        b.note ? h('p', { class: 'brief-note' }, b.note) : null,
      );
  }
}

/** The brief as the page shows and prints it; `actions` are the buttons above it (not printed). */
export function briefHtml(doc: BriefDocument, actions: readonly HTMLElement[]): HTMLElement {
  return h(
    'div',
    { class: 'brief', lang: doc.lang === 'zh' ? 'zh-CN' : 'en', 'data-region': doc.region, 'data-year': doc.year },
    h('div', { class: 'brief-actions no-print' }, actions),
    doc.mark ? h('p', { class: 'brief-mark' }, doc.markLine) : null,
    h('h2', { class: 'brief-title' }, doc.title),
    h(
      'p',
      { class: 'brief-when' },
      h('span', { class: 'brief-data-year' }, doc.dataYear),
      ' · ',
      h('span', { class: 'brief-published' }, doc.published),
    ),
    doc.sections.map((s) =>
      h(
        'section',
        { class: `brief-section brief-${s.id}`, 'data-section': s.id },
        h('h3', null, s.heading),
        s.blocks.map(block),
      ),
    ),
  );
}
