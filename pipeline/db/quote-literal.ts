/**
 * Quotes a string as a SQL literal. Only for the places DuckDB cannot bind a parameter — the target
 * path of COPY … TO — never for data values, which are always bound.
 */
export function quoteLiteral(text: string): string {
  if (text.includes('\0')) throw new Error(`literal contains NUL: ${JSON.stringify(text)}`);
  return `'${text.replaceAll("'", "''")}'`;
}
