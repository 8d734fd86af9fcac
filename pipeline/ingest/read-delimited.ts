import { dsvFormat } from 'd3-dsv';
import { decodeText } from './decode-text.ts';
import type { ReadResult, RawRow } from './source-table.ts';

function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const tabs = firstLine.split('\t').length;
  const commas = firstLine.split(',').length;
  return tabs > commas ? '\t' : ',';
}

/** Reads CSV or TSV (UTF-8 with or without BOM, GB18030/GBK; LF or CRLF); row 1 is the file's first line. */
export function readDelimited(bytes: Uint8Array, file: string, format: 'csv' | 'tsv'): ReadResult {
  const { text, encoding } = decodeText(bytes, file);
  const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(text);
  const parsed = dsvFormat(delimiter).parseRows(text);
  const rows: RawRow[] = [];
  // parseRows gives one array per record; a quoted field may span lines, so count lines as we go.
  let line = 1;
  for (const cells of parsed) {
    rows.push({ number: line, cells });
    line += 1;
    for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
  }
  return { format, encoding, tables: [{ rows }] };
}
