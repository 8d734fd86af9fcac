/**
 * The Gini coefficient of non-negative values, Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed on sorted
 * values as 2 Σ i·x_(i) / (n Σx) − (n + 1) / n. Skips null, undefined and NaN; undefined when no
 * values or their sum is 0.
 */
export function gini(values: Iterable<number | null | undefined>): number | undefined {
  const sorted: number[] = [];
  for (const v of values) if (v !== null && v !== undefined && !Number.isNaN(v)) sorted.push(v);
  sorted.sort((a, b) => a - b);
  const n = sorted.length;
  let sum = 0;
  let weighted = 0;
  sorted.forEach((x, i) => {
    sum += x;
    weighted += (i + 1) * x;
  });
  if (n === 0 || sum === 0) return undefined;
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}
