import type { Column } from '../charts/chart-figure.ts';
import { toCsv } from '../charts/to-csv.ts';
import type { Ui } from '../i18n/ui.ts';
import { download } from '../ui/download.ts';
import { h } from '../ui/h.ts';
import { exportContext, exportFileName } from './export-context.ts';
import { exportTable } from './export-table.ts';

/**
 * The CSV of exactly the rows and columns a table shows, describing itself: the view's region, year
 * and indicator as columns, headings in the reader's language with units, the machine names in the
 * second row.
 */
export function chartCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[], ui: Ui): string {
  const table = exportTable(rows, columns, exportContext(), ui);
  return toCsv(table.labels, [table.keys, ...table.rows]);
}

/** What a table's downloads hold and are called: its rows as they are at the click, its title and id. */
export interface TableDownloadOptions<Row> {
  /** A stable name, the last part of the file names (after region, indicator and year). */
  id: string;
  title: string;
  rows: () => readonly Row[];
  columns: readonly Column<Row>[];
  ui: Ui;
}

/**
 * The CSV and XLSX buttons of a table, the same for every table of the dashboard: file names with
 * region, indicator and year, headings in the reader's language, and the XLSX's sheet saying what it
 * is. exceljs is loaded only on the click.
 */
export function tableDownloads<Row>(options: TableDownloadOptions<Row>): HTMLButtonElement[] {
  const { ui, columns } = options;
  const fileName = (extension: string) => exportFileName(exportContext(), options.id, extension);
  return [
    h(
      'button',
      {
        type: 'button',
        'data-action': 'csv',
        onclick: () =>
          download(
            new Blob([chartCsv(options.rows(), columns, ui)], { type: 'text/csv;charset=utf-8' }),
            fileName('csv'),
          ),
      },
      ui.t('download_csv'),
    ),
    h(
      'button',
      {
        type: 'button',
        'data-action': 'xlsx',
        onclick: async () => {
          const { xlsxBlob } = await import('./xlsx-download.ts');
          const table = exportTable(options.rows(), columns, exportContext(), ui);
          download(await xlsxBlob(table, options.title, exportContext(), ui), fileName('xlsx'));
        },
      },
      ui.t('download_xlsx'),
    ),
  ];
}
