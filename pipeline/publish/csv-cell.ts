/**
 * One CSV cell: quoted when it holds a delimiter, quote or line break; text that a spreadsheet would
 * run as a formula (starting with = + - @, tab or CR) is neutralised with a leading apostrophe.
 * Numbers are written as numbers, so a negative gap stays a number.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
