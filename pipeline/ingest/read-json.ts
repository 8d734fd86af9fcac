import { CliError } from '../cli-error.ts';
import type { Cell } from './cell.ts';
import { decodeText } from './decode-text.ts';
import { jsonFault } from './json-error.ts';
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
    const fault = jsonFault(error, text);
    throw new CliError(`invalid JSON: ${file}: line ${fault.line}, column ${fault.column}: ${fault.kind}`);
  }
  if (!Array.isArray(data)) throw new CliError(`not a JSON array of objects: ${file}`);
  const records = data.map((value, i) => ({ number: i + 1, value }));
  return { format: 'json', encoding, tables: [tabulate(records, file)] };
}

/**
 * Reads JSON Lines; a record's number is its line number. A line that is not JSON is one broken
 * record: quarantined with its column and the kind of fault, as a CSV line with a broken quote is.
 */
export function readJsonLines(bytes: Uint8Array, file: string): ReadResult {
  const { text, encoding } = decodeText(bytes, file);
  const records: { number: number; value: unknown }[] = [];
  const broken: RawRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push({ number: i + 1, value: JSON.parse(line) });
    } catch (error) {
      const fault = jsonFault(error, line, i + 1);
      broken.push({
        number: i + 1,
        cells: [],
        problem: {
          rule: 'invalid_json',
          reason: `line ${fault.line} is not valid JSON at column ${fault.column}: ${fault.kind}`,
        },
      });
    }
  });
  const table = tabulate(records, file);
  table.rows = [...table.rows, ...broken].sort((a, b) => a.number - b.number);
  return { format: 'jsonl', encoding, tables: [table] };
}
