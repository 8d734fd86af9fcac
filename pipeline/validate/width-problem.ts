import { isBlank, type Cell } from '../ingest/cell.ts';

/**
 * A delimited row with filled cells beyond the header's last column: its values are shifted (an
 * unquoted thousands separator such as 2,419, or a cell too many), so none of them can be trusted.
 */
export function widthProblem(
  header: readonly Cell[],
  cells: readonly Cell[],
): { rule: string; reason: string } | undefined {
  let width = header.length;
  while (width > 0 && isBlank(header[width - 1])) width--;
  const beyond = cells.slice(width).filter((c) => !isBlank(c)).length;
  if (beyond === 0) return undefined;
  return {
    rule: 'extra_cells',
    reason: `the row has ${width + beyond} or more cells, the header ${width}: a value with an unquoted separator (such as 2,419) or a cell too many shifts every value after it; quote the value or fix the row`,
  };
}
