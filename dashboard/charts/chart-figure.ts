import type { Ui } from '../i18n/ui.ts';
import { download } from '../ui/download.ts';
import { h, type Child } from '../ui/h.ts';
import { describedSvg } from '../export/described-svg.ts';
import { exportContext, exportFileName } from '../export/export-context.ts';
import { tableDownloads } from '../export/table-downloads.ts';
import { pngBlob, svgMarkup } from './export-image.ts';

/** One column of a chart's data: its CSV key and heading, the text the table shows and the CSV value. */
export interface Column<Row> {
  key: string;
  label: string;
  text: (row: Row) => string;
  /** The value written to the CSV; the text when absent. */
  value?: (row: Row) => unknown;
  numeric?: boolean;
}

/** What frames a chart: title, unit, n, the plot, and the data behind it as table and downloads. */
export interface ChartFigureOptions<Row> {
  /** A stable name, used for the file names and as data-chart for tests and styling. */
  id: string;
  title: string;
  unit?: string | null;
  n?: string | null;
  plot: Element | null;
  legend?: Child;
  note?: Child;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  ui: Ui;
}

let serial = 0;

/**
 * A chart as a <figure>: every chart carries a title, its unit and n, the table behind it as an
 * accessible alternative, a CSV download of exactly that table, and SVG/PNG export of the plot.
 */
export function chartFigure<Row>(options: ChartFigureOptions<Row>): HTMLElement {
  const { ui, rows, columns, plot } = options;
  const { t } = ui;
  const titleId = `chart-title-${++serial}`;
  const meta = [
    options.unit ? t('unit', { unit: options.unit }) : null,
    options.n ? t('sample', { n: options.n }) : null,
  ].filter(Boolean);
  const svg = plot instanceof SVGSVGElement ? plot : (plot?.querySelector('svg') ?? null);
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', titleId);
  }
  const fileName = (extension: string) => exportFileName(exportContext(), options.id, extension);
  const image = () =>
    describedSvg(svg!, figure.querySelector('.chart-legend'), {
      title: options.title,
      unit: options.unit ?? null,
      ui,
      context: exportContext(),
      color: colorOf(figure),
      fontFamily: getComputedStyle(svg!).fontFamily,
    });
  const figure = h(
    'figure',
    { class: 'chart', 'data-chart': options.id, 'aria-labelledby': titleId },
    h(
      'figcaption',
      null,
      h('h3', { id: titleId }, options.title),
      meta.length ? h('p', { class: 'chart-meta' }, meta.join(' · ')) : null,
    ),
    plot ? h('div', { class: 'chart-plot' }, plot) : null,
    options.legend ? h('div', { class: 'chart-legend' }, options.legend) : null,
    options.note ? h('p', { class: 'chart-note' }, options.note) : null,
    h(
      'div',
      { class: 'chart-actions' },
      ...tableDownloads({ id: options.id, title: options.title, rows: () => rows, columns, ui }),
      svg
        ? h(
            'button',
            {
              type: 'button',
              'data-action': 'svg',
              onclick: () =>
                download(new Blob([svgMarkup(image(), colorOf(figure))], { type: 'image/svg+xml' }), fileName('svg')),
            },
            t('export_svg'),
          )
        : null,
      svg
        ? h(
            'button',
            {
              type: 'button',
              'data-action': 'png',
              onclick: async () =>
                download(await pngBlob(image(), 2, backgroundOf(figure), colorOf(figure)), fileName('png')),
            },
            t('export_png'),
          )
        : null,
    ),
    h(
      'details',
      { class: 'chart-table', open: plot ? null : true },
      h('summary', null, t('data_table')),
      h(
        'div',
        // A table that is the whole figure shows in full when short; long ones scroll.
        { class: !plot && rows.length <= 40 ? 'table-scroll table-full' : 'table-scroll' },
        h(
          'table',
          null,
          h('caption', { class: 'visually-hidden' }, options.title),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)),
            ),
          ),
          h(
            'tbody',
            null,
            rows.map((row) =>
              h(
                'tr',
                null,
                columns.map((c) => h('td', { 'data-key': c.key, class: c.numeric ? 'num' : null }, c.text(row))),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  return figure;
}

function colorOf(element: Element): string {
  return getComputedStyle(element).color || '#000';
}

function backgroundOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'transparent' && !bg.startsWith('rgba(0, 0, 0, 0')) return bg;
    node = node.parentElement;
  }
  return '#fff';
}
