/**
 * Where in a text a JSON parser gave up, as line and column (1-based), from the character position
 * in its message. Only that number is taken: the parser's own message may quote the input ("Unexpected
 * token …, "{…}" is not valid JSON"), and input may be personal data, so it is never passed on.
 */
export function jsonErrorPlace(text: string, error: unknown): { line: number; column: number } | undefined {
  const match = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return undefined;
  const position = Math.min(Number(match[1]), text.length);
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: position - lineStart + 1 };
}
