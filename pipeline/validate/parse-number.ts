import type { Cell } from '../ingest/cell.ts';
import { isBlank } from '../ingest/cell.ts';
import { Invalid, type Parsed } from './invalid.ts';
import { normalizeText } from './normalize-text.ts';

const plain = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a number from a cell: numbers as they are; text with thousands separators (1,234.5) or
 * full-width digits (１２３４). A comma that is not a thousands separator is an error, not a guess.
 */
export function parseNumber(cell: Cell): Parsed<number> {
  if (isBlank(cell)) return null;
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? cell : new Invalid(`not a number: ${cell}`, 'not_a_number');
  if (typeof cell !== 'string') return new Invalid(`not a number: ${String(cell)}`, 'not_a_number');
  const text = normalizeText(cell).replace(/\s+/g, '');
  if (plain.test(text)) return Number(text);
  if (grouped.test(text)) return Number(text.replaceAll(',', ''));
  return new Invalid(`not a number: ${cell.trim()}`, 'not_a_number');
}

/** A number that must be a whole number (households, people, years, counts). */
export function parseInteger(cell: Cell): Parsed<number> {
  const value = parseNumber(cell);
  if (value === null || value instanceof Invalid) return value;
  return Number.isInteger(value) ? value : new Invalid(`not a whole number: ${value}`, 'not_a_whole_number');
}
