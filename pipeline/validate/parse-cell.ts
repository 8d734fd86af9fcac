import type { Cell } from '../ingest/cell.ts';
import type { ColumnSpec } from '../schema/column.ts';
import { Invalid, type Parsed } from './invalid.ts';
import { parseBoolean } from './parse-boolean.ts';
import { parseCode } from './parse-code.ts';
import { parseDate } from './parse-date.ts';
import { enumParser } from './parse-enum.ts';
import { parseInteger, parseNumber } from './parse-number.ts';
import { normalizeText } from './normalize-text.ts';

/** A parsed value as stored: text (codes, dates as ISO, enums), number or boolean. */
export type Value = string | number | boolean;

const enumParsers = new WeakMap<ColumnSpec, (cell: Cell) => Parsed<string>>();

function range(value: number, column: ColumnSpec): Parsed<number> {
  const type = column.type as { min?: number; max?: number };
  if (type.min !== undefined && value < type.min) {
    return new Invalid(`must be at least ${type.min}: ${value}`, value < 0 ? 'negative' : 'out_of_range');
  }
  if (type.max !== undefined && value > type.max)
    return new Invalid(`must be at most ${type.max}: ${value}`, 'out_of_range');
  return value;
}

/**
 * Parses one cell by its column's type and checks its range; `factor` is the header's unit factor.
 * Every range in the specs is a sign or a bound on a unitless column, so checking it before the
 * factor is applied is exact.
 * Money is rounded to the fen after the unit is applied, so 4.5 万元 and 45000 元 are the same value.
 */
export function parseCell(cell: Cell, column: ColumnSpec, factor: number, currentYear: number): Parsed<Value> {
  const type = column.type;
  switch (type.kind) {
    case 'code':
      return parseCode(cell, type.digits);
    case 'text':
      return cell === null || cell === undefined ? null : normalizeText(String(cell)) || null;
    case 'boolean':
      return parseBoolean(cell);
    case 'date':
      return parseDate(cell);
    case 'enum': {
      let parser = enumParsers.get(column);
      if (!parser) enumParsers.set(column, (parser = enumParser(type.values)));
      return parser(cell);
    }
    case 'year': {
      const text = typeof cell === 'string' ? cell.replace(/\s*年$/, '') : cell;
      const value = parseInteger(text);
      if (value === null || value instanceof Invalid) return value;
      if (value > currentYear) return new Invalid(`year in the future: ${value}`, 'future_year');
      if (value < 1949) return new Invalid(`year out of range: ${value}`, 'out_of_range');
      return value;
    }
    case 'integer': {
      const value = parseInteger(cell);
      if (value === null || value instanceof Invalid) return value;
      const checked = range(value, column);
      return checked instanceof Invalid ? checked : value * factor;
    }
    case 'number': {
      const value = parseNumber(cell);
      if (value === null || value instanceof Invalid) return value;
      // Ranges are checked on the value as written, so the message shows what the clerk typed.
      const checked = range(value, column);
      if (checked instanceof Invalid) return checked;
      return type.money ? Math.round(value * factor * 100) / 100 : value * factor;
    }
  }
}
