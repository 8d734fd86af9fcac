import type { Ui } from '../i18n/ui.ts';
import type { ExportContext } from './export-context.ts';
import { contextLines } from './described-svg.ts';
import type { ExportTable } from './export-table.ts';

/**
 * A table as an XLSX workbook: the data sheet (headings in the reader's language, machine names in
 * the second row) and a sheet saying what it is. exceljs is loaded only now, on the click, so no
 * page carries its weight.
 */
export async function xlsxBlob(table: ExportTable, title: string, context: ExportContext, ui: Ui): Promise<Blob> {
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const { t } = ui;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('app_title');
  const data = workbook.addWorksheet(t('export_sheet_data'));
  data.addRow(table.labels).font = { bold: true };
  data.addRow(table.keys).font = { italic: true, color: { argb: 'FF666666' } };
  for (const row of table.rows) data.addRow(row.map((cell) => (cell === undefined ? null : cell)));
  data.views = [{ state: 'frozen', ySplit: 2 }];
  table.labels.forEach((label, i) => {
    data.getColumn(i + 1).width = Math.min(40, Math.max(10, label.length * 2 + 2));
  });
  const about = workbook.addWorksheet(t('export_sheet_about'));
  about.addRow([t('export_field'), t('export_value')]).font = { bold: true };
  about.addRow([t('export_title'), title]);
  for (const line of contextLines({ ui, context })) about.addRow(['', line]);
  about.addRow(['', t('export_source')]);
  about.getColumn(1).width = 12;
  about.getColumn(2).width = 100;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
