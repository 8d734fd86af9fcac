import ExcelJS from 'exceljs';
import { CliError } from '../cli-error.ts';
import type { Cell } from './cell.ts';
import type { RawRow, ReadResult, SourceTable } from './source-table.ts';

/** Turns an exceljs cell value (rich text, formula, hyperlink, date…) into a plain cell. */
export function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return xlsxCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return xlsxCell((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * Reads every sheet of an XLSX workbook. Row numbers are the sheet's own; which sheets carry the
 * dataset's header is decided later, by the header mapping.
 */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new CliError(`cannot read Excel workbook: ${file}: ${(error as Error).message}`);
  }
  const tables: SourceTable[] = [];
  workbook.eachSheet((sheet) => {
    const rows: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      // row.values is 1-based and sparse.
      for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
      rows.push({ number, cells });
    });
    tables.push({ sheet: sheet.name, rows });
  });
  return { format: 'xlsx', tables };
}
