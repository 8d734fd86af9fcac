import ExcelJS from 'exceljs';
import { CliError } from '../cli-error.ts';
import { sniffBinary } from './detect-format.ts';
import type { Cell } from './cell.ts';
import type { RawRow, ReadResult, SourceTable } from './source-table.ts';

/** A formula whose workbook was saved without calculating it: there is no value to read. */
export const NO_CACHED_VALUE = Symbol('formula without a cached value');

/** Turns an exceljs cell value (rich text, formula, hyperlink, date…) into a plain cell. */
export function xlsxCell(value: ExcelJS.CellValue): Cell | typeof NO_CACHED_VALUE {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined ? NO_CACHED_VALUE : xlsxCell(result);
    }
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
  // An .xlsx is a zip archive; anything else (a renamed .xls or CSV) must not pass for an empty workbook.
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip)
    throw new CliError(
      `not a valid Excel workbook: ${file} is ${sniffBinary(bytes) ?? 'not a zip archive (perhaps another file renamed .xlsx)'}: open it in Excel or WPS and save it as .xlsx`,
    );
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // The library's own text may quote the file's content: name the file and the kind of fault only.
    throw new CliError(
      `damaged Excel workbook: ${file} is a zip archive that does not hold a readable workbook: open it in Excel or WPS and save it again`,
    );
  }
  const tables: SourceTable[] = [];
  workbook.eachSheet((sheet) => {
    const rows: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      const uncalculated: string[] = [];
      // row.values is 1-based and sparse.
      for (let i = 1; i < values.length; i++) {
        const cell = xlsxCell(values[i]);
        if (cell === NO_CACHED_VALUE) {
          uncalculated.push(row.getCell(i).address);
          cells.push(null);
        } else cells.push(cell);
      }
      rows.push(
        uncalculated.length
          ? {
              number,
              cells,
              problem: {
                rule: 'formula_without_value',
                reason: `formula without a saved value in ${uncalculated.join(', ')}: the workbook was saved without calculating; open it in Excel or WPS, let it calculate, save it and send it again`,
              },
            }
          : { number, cells },
      );
    });
    tables.push({ sheet: sheet.name, rows });
  });
  return { format: 'xlsx', tables };
}
