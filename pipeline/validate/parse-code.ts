import type { Cell } from '../ingest/cell.ts';
import { isBlank } from '../ingest/cell.ts';
import { Invalid, type Parsed } from './invalid.ts';
import { normalizeText } from './normalize-text.ts';

/**
 * Reads a division code of exactly `digits` digits as text. A number cell (an XLSX code typed as a
 * number) is read back as its digits; a stray `.0` from a float export is tolerated.
 */
export function parseCode(cell: Cell, digits: number): Parsed<string> {
  if (isBlank(cell)) return null;
  let text: string;
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell) || cell < 0) return new Invalid(`not a ${digits}-digit code: ${cell}`, 'bad_code');
    text = String(cell);
  } else if (typeof cell === 'string') {
    text = normalizeText(cell).replace(/\.0+$/, '');
  } else {
    return new Invalid(`not a ${digits}-digit code: ${String(cell)}`, 'bad_code');
  }
  if (!/^\d+$/.test(text)) return new Invalid(`not a ${digits}-digit code: ${String(cell).trim()}`, 'bad_code');
  if (text.length !== digits)
    return new Invalid(`code must have ${digits} digits, has ${text.length}: ${text}`, 'bad_code');
  return text;
}
