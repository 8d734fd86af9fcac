/** Where JSON.parse failed and what kind of fault it was, never the parser's own text (it quotes the data). */
export interface JsonFault {
  line: number;
  column: number;
  kind: string;
}

const KINDS: [RegExp, string][] = [
  [/Unterminated string/i, 'a string without its closing quote'],
  [/Unexpected end/i, 'the data ends too early'],
  [/Expected ',' or '\}'/i, 'a missing comma or closing brace'],
  [/Expected ',' or '\]'/i, 'a missing comma or closing bracket'],
  [/Expected ':'/i, 'a missing colon after a name'],
  [/Expected double-quoted property name/i, 'a name not in double quotes, or a comma too many'],
  [/Bad control character|Bad escaped character/i, 'a bad character inside a string'],
  [/Unexpected non-whitespace/i, 'more data after the value'],
  [/Unexpected token|Unexpected character/i, 'an unexpected character'],
];

/**
 * Summarises a JSON.parse error over `text` as line, column (1-based) and a kind from a fixed list;
 * `firstLine` is the line `text` starts on in its file.
 */
export function jsonFault(error: unknown, text: string, firstLine = 1): JsonFault {
  const message = (error as Error).message;
  const kind = KINDS.find(([pattern]) => pattern.test(message))?.[1] ?? 'not valid JSON';
  const position = /at position (\d+)/.exec(message);
  if (!position) return { line: firstLine, column: 1, kind };
  const before = text.slice(0, Number(position[1]));
  const breaks = before.split('\n');
  return { line: firstLine + breaks.length - 1, column: breaks.at(-1)!.length + 1, kind };
}
