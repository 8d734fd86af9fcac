/** CSV text the way bureaus' exports come: UTF-8 with or without BOM, GB18030, LF or CRLF. */
import { encodeGb18030 } from './gb18030.ts';

/** How a CSV file is encoded. */
export interface CsvEncoding {
  encoding: 'utf-8' | 'gb18030';
  bom: boolean;
  crlf: boolean;
}

/** A cell as CSV text: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const quote = value.includes(',') || value.includes('"') || value.includes('\n') || value.includes('\r');
  return quote ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The text of a CSV table: header then rows, each line ended by the chosen line break. */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  crlf: boolean,
): string {
  const eol = crlf ? '\r\n' : '\n';
  const lines: string[] = new Array(rows.length + 1);
  lines[0] = header.map(csvField).join(',');
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let line = csvField(row[0] ?? null);
    for (let i = 1; i < row.length; i++) line += `,${csvField(row[i] ?? null)}`;
    lines[r + 1] = line;
  }
  return lines.join(eol) + eol;
}

/** The bytes of a CSV table in the chosen encoding. */
export function encodeCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  options: CsvEncoding,
): Uint8Array {
  const text = csvText(header, rows, options.crlf);
  if (options.encoding === 'gb18030') return encodeGb18030(text);
  const body = Buffer.from(text, 'utf8');
  return options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
