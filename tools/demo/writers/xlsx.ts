/** XLSX workbooks through exceljs, made byte-for-byte reproducible. */
import ExcelJS from 'exceljs';
import { normalizeZipTimestamps } from './zip-timestamps.ts';

/** A cell value: text, a number, a date (written as an Excel date cell) or empty. */
export type XlsxCell = string | number | Date | null;

/** One worksheet: a header row and data rows. */
export interface XlsxSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
}

/** Fixed document properties: the file says who made it and never when. */
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));
const CREATOR = 'community-balance demo (示例数据, synthetic)';

/** The bytes of a workbook. Styles are written only when a sheet holds dates (they need a number format). */
export async function encodeXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  let dates = false;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow([...sheet.header]);
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map((v) => (v === null ? undefined : v)));
      row.forEach((v, i) => {
        if (v instanceof Date) {
          added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
          dates = true;
        }
      });
    }
  }
  const buffer = await workbook.xlsx.writeBuffer({ useStyles: dates, useSharedStrings: true });
  return normalizeZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}
