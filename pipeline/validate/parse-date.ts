import type { Cell } from '../ingest/cell.ts';
import { isBlank } from '../ingest/cell.ts';
import { Invalid, type Parsed } from './invalid.ts';
import { normalizeText } from './normalize-text.ts';

const DAY_MS = 86_400_000;
// Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function iso(year: number, month: number, day: number): Parsed<string> {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (year < 1900 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return new Invalid(`no such date: ${year}-${month}-${day}`, 'not_a_date');
  }
  return date.toISOString().slice(0, 10);
}

/** The ISO date of an Excel serial day number (1 = 1900-01-01). */
export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A number that reads as a year: as an Excel serial day it would fall in 1905-1906, a date no
 * community record holds, while a clerk writing 2019 for "some time in 2019" is common.
 */
function isBareYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2100;
}

function bareYear(n: number): Invalid {
  return new Invalid(`not a date: a year alone, ${n} (write the day, e.g. ${n}-03-05)`, 'not_a_date');
}

/**
 * Reads a date as ISO `YYYY-MM-DD` from 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, an
 * Excel serial day number, or a date cell.
 */
export function parseDate(cell: Cell): Parsed<string> {
  if (isBlank(cell)) return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return new Invalid('not a date: Invalid Date', 'not_a_date');
    return cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'number') {
    if (isBareYear(cell)) return bareYear(cell);
    if (Number.isInteger(cell) && cell >= 1 && cell < 2958466) return excelSerialToIso(cell);
    return new Invalid(`not a date: ${cell}`, 'not_a_date');
  }
  const text = normalizeText(String(cell));
  let m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(
      text,
    );
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{1,5}$/.test(text)) return isBareYear(Number(text)) ? bareYear(Number(text)) : excelSerialToIso(Number(text));
  return new Invalid(
    `not a date (expected 2024-03-05, 2024/3/5 or 2024年3月5日): ${String(cell).trim()}`,
    'not_a_date',
  );
}
