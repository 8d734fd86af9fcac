/** Theil T of a set of values split into groups: the total and its between- and within-group parts. */
export interface TheilDecomposition {
  theil: number;
  between: number;
  within: number;
}

/** A value with the group it belongs to (urban or rural in this product). */
export interface GroupedValue {
  value: number | null | undefined;
  group: string;
}

function theilOf(values: number[]): number {
  const n = values.length;
  const mu = values.reduce((a, b) => a + b, 0) / n;
  let t = 0;
  for (const x of values) if (x > 0) t += (x / mu) * Math.log(x / mu);
  return t / n;
}

/**
 * Theil T = (1/N) Σ (x/μ)·ln(x/μ), with 0·ln 0 = 0, decomposed exactly into between-group
 * Σ_g (N_g/N)(μ_g/μ)·ln(μ_g/μ) and within-group Σ_g (N_g/N)(μ_g/μ)·T_g. Skips missing values;
 * undefined when there are none or they sum to 0.
 */
export function theil(rows: Iterable<GroupedValue>): TheilDecomposition | undefined {
  const groups = new Map<string, number[]>();
  const all: number[] = [];
  for (const { value, group } of rows) {
    if (value === null || value === undefined || Number.isNaN(value)) continue;
    all.push(value);
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(value);
  }
  const total = all.reduce((a, b) => a + b, 0);
  if (all.length === 0 || total === 0) return undefined;
  const mu = total / all.length;
  let between = 0;
  let within = 0;
  for (const values of groups.values()) {
    const sum = values.reduce((a, b) => a + b, 0);
    if (sum === 0) continue;
    const weight = sum / total;
    between += weight * Math.log(sum / values.length / mu);
    within += weight * theilOf(values);
  }
  return { theil: theilOf(all), between, within };
}
