import type { Cell } from '../ingest/cell.ts';
import { isBlank } from '../ingest/cell.ts';
import { Invalid, type Parsed } from './invalid.ts';
import { normalizeText } from './normalize-text.ts';

/** Accepted values of an enumerated column: canonical value → its aliases (Chinese and English). */
export type EnumValues = Readonly<Record<string, readonly string[]>>;

function fold(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** Builds a parser that maps a canonical value or any alias (case- and space-insensitive) to the canonical value. */
export function enumParser(values: EnumValues): (cell: Cell) => Parsed<string> {
  const lookup = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(values)) {
    lookup.set(fold(canonical), canonical);
    for (const alias of aliases) lookup.set(fold(alias), canonical);
  }
  const accepted = Object.entries(values)
    .map(([c, a]) => (a.length ? `${c} (${a[0]})` : c))
    .join(', ');
  return (cell) => {
    if (isBlank(cell)) return null;
    const value = lookup.get(fold(String(cell)));
    return value ?? new Invalid(`unknown value: ${String(cell).trim()} (accepted: ${accepted})`, 'unknown_value');
  };
}
