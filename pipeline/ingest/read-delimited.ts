import { decodeText } from './decode-text.ts';
import { delimitedRecords } from './delimited-records.ts';
import type { ReadResult, RawRow } from './source-table.ts';

function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const tabs = firstLine.split('\t').length;
  const commas = firstLine.split(',').length;
  return tabs > commas ? '\t' : ',';
}

/**
 * Reads CSV or TSV (UTF-8 with or without BOM, GB18030/GBK; LF or CRLF); row 1 is the file's first
 * line, and a row's number is the line it starts on. A record broken by a quote is kept as its line,
 * marked for quarantine.
 */
export function readDelimited(bytes: Uint8Array, file: string, format: 'csv' | 'tsv'): ReadResult {
  const { text, encoding } = decodeText(bytes, file);
  const delimiter = format === 'tsv' ? '\t' : sniffDelimiter(text);
  const rows: RawRow[] = delimitedRecords(text, delimiter).map((r) =>
    r.brokenQuote
      ? {
          number: r.line,
          cells: r.cells,
          problem: {
            rule: 'unclosed_quote',
            reason: `a quote opened on line ${r.line} does not close where its cell ends, so the lines after it would run into one cell: close or remove the quote`,
          },
        }
      : { number: r.line, cells: r.cells },
  );
  return { format, encoding, tables: [{ rows, checkWidth: true }] };
}
