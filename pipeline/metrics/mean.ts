/** The mean of the numbers among the values, skipping null, undefined and NaN; undefined when none. */
export function mean(values: Iterable<number | null | undefined>): number | undefined {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  return n ? sum / n : undefined;
}
