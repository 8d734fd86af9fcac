/** One value as a reader found it, before any parsing. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A cell with nothing in it (absent, null, or only white space). */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A cell as text, the way it is shown back to a clerk in messages and the quarantine. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString().slice(0, 10);
  return String(cell);
}
