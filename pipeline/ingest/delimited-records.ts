/** One physical record of a CSV/TSV file: the line it starts on, its cells, and whether a quote broke it. */
export interface DelimitedRecord {
  line: number;
  cells: string[];
  /** A quote that never closes, or closes in the middle of a cell: the record is its own line, unparsed. */
  brokenQuote?: true;
}

const isEnd = (c: string | undefined, delimiter: string) =>
  c === undefined || c === delimiter || c === '\n' || c === '\r';

/**
 * Splits delimited text into records (RFC 4180: a quoted cell may hold delimiters, doubled quotes and
 * line breaks). Unlike a lenient parser, a quote that does not close where its cell ends does not
 * swallow the lines after it: that record is returned as its physical line, split on the delimiter
 * and marked, and reading resumes on the next line, so every line is counted and none vanishes.
 */
export function delimitedRecords(text: string, delimiter: string): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    let broken = false;
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        let j = i + 1;
        let value = '';
        let closed = false;
        let breaks = 0;
        while (j < n) {
          const c = text[j]!;
          if (c === '"') {
            if (text[j + 1] === '"') {
              value += '"';
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          if (c === '\n') breaks++;
          value += c;
          j++;
        }
        if (!closed || !isEnd(text[j], delimiter)) {
          broken = true;
          break;
        }
        field = value;
        line += breaks;
        i = j;
      } else {
        let j = i;
        while (!isEnd(text[j], delimiter)) j++;
        field = text.slice(i, j);
        i = j;
      }
      cells.push(field);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (broken) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = n;
      records.push({
        line: startLine,
        cells: text.slice(start, end).replace(/\r$/, '').split(delimiter),
        brokenQuote: true,
      });
      i = end + 1;
      line = startLine + 1;
      continue;
    }
    records.push({ line: startLine, cells });
  }
  return records;
}
