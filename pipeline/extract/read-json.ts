import { CliError } from '../cli-error.ts';
import type { Cell } from './cell.ts';
import { decodeText } from './decode-text.ts';
import { jsonErrorPlace } from './json-error-place.ts';
import type { RawRow, ReadResult } from './source-table.ts';

function asCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function tabulate(records: { number: number; value: unknown }[], file: string): ReadResult['tables'][number] {
  const header: string[] = [];
  const index = new Map<string, number>();
  const rows: RawRow[] = [];
  for (const { number, value } of records) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new CliError(`not an object at record ${number}: ${file} (expected an array of objects)`);
    }
    const cells: Cell[] = [];
    for (const [key, v] of Object.entries(value)) {
      let i = index.get(key);
      if (i === undefined) {
        i = header.length;
        header.push(key);
        index.set(key, i);
      }
      cells[i] = asCell(v);
    }
    rows.push({ number, cells });
  }
  return { header, rows };
}

/** Reads a JSON array of objects; a record's number is its 1-based position in the array. */
export function readJson(bytes: Uint8Array, file: string): ReadResult {
  const { text, encoding } = decodeText(bytes, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const place = jsonErrorPlace(text, error);
    throw new CliError(
      place ? `invalid JSON at line ${place.line}: ${file}, column ${place.column}` : `invalid JSON: ${file}`,
    );
  }
  if (!Array.isArray(data)) throw new CliError(`not a JSON array of objects: ${file}`);
  const records = data.map((value, i) => ({ number: i + 1, value }));
  return { format: 'json', encoding, tables: [tabulate(records, file)] };
}

/** Reads JSON Lines; a record's number is its line number. A line that is not JSON is refused with its number. */
export function readJsonLines(bytes: Uint8Array, file: string): ReadResult {
  const { text, encoding } = decodeText(bytes, file);
  const records: { number: number; value: unknown }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push({ number: i + 1, value: JSON.parse(line) });
    } catch (error) {
      const column = jsonErrorPlace(line, error)?.column;
      throw new CliError(`invalid JSON at line ${i + 1}: ${file}${column ? `, column ${column}` : ''}`);
    }
  });
  return { format: 'jsonl', encoding, tables: [tabulate(records, file)] };
}
