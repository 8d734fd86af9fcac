/**
 * The median of the numbers among the values (the mean of the middle two for an even count),
 * skipping null, undefined and NaN; undefined when none.
 */
export function median(values: Iterable<number | null | undefined>): number | undefined {
  const sorted: number[] = [];
  for (const v of values) if (v !== null && v !== undefined && !Number.isNaN(v)) sorted.push(v);
  if (sorted.length === 0) return undefined;
  sorted.sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
