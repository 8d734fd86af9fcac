import type { Cell } from '../ingest/cell.ts';
import { isBlank } from '../ingest/cell.ts';
import { Invalid, type Parsed } from './invalid.ts';
import { normalizeText } from './normalize-text.ts';

const truthy = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', 't']);
const falsy = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', 'f']);

/** Reads 是/否, 有/无, Y/N, yes/no, true/false and 1/0 (docs/inbox.md); blank is unknown (null). */
export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (isBlank(cell)) return null;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') {
    if (cell === 1) return true;
    if (cell === 0) return false;
    return new Invalid(`not yes/no: ${cell}`, 'not_yes_no');
  }
  const text = normalizeText(String(cell)).toLowerCase();
  if (truthy.has(text)) return true;
  if (falsy.has(text)) return false;
  return new Invalid(`not yes/no (是/否): ${String(cell).trim()}`, 'not_yes_no');
}
