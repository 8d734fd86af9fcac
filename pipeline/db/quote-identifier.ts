/** Quotes a DuckDB identifier; the only way a name enters SQL text (values are always bound). */
export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) throw new Error(`identifier contains NUL: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}
