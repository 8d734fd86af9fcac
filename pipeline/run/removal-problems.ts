/** Kept rows of one dataset in one county. */
export interface CoverageRow {
  dataset: string;
  county: string;
  rows: number;
}

/** What a run would lose: a dataset shrinking past the limit, or a county left without a dataset. */
export interface RemovalProblems {
  datasets: { dataset: string; before: number; after: number }[];
  counties: { dataset: string; county: string; before: number }[];
}

const total = (rows: readonly CoverageRow[], dataset: string) =>
  rows.filter((r) => r.dataset === dataset).reduce((s, r) => s + r.rows, 0);

/**
 * Compares the kept rows before and after a run (SPEC §3, "a run never publishes a collapse"): a
 * dataset that loses more than `maxShare` of its kept rows, and every county that had rows of a
 * dataset and has none after.
 */
export function removalProblems(
  before: readonly CoverageRow[],
  after: readonly CoverageRow[],
  maxShare: number,
): RemovalProblems {
  const datasets = [...new Set(before.map((r) => r.dataset))].sort();
  const left = new Set(after.filter((r) => r.rows > 0).map((r) => `${r.dataset}\u0000${r.county}`));
  return {
    datasets: datasets
      .map((dataset) => ({ dataset, before: total(before, dataset), after: total(after, dataset) }))
      .filter((d) => d.before > 0 && (d.before - d.after) / d.before > maxShare),
    counties: before
      .filter((r) => r.rows > 0 && !left.has(`${r.dataset}\u0000${r.county}`))
      .map((r) => ({ dataset: r.dataset, county: r.county, before: r.rows }))
      .sort((a, b) => (a.county + a.dataset < b.county + b.dataset ? -1 : 1)),
  };
}

/** True when the run loses nothing it should not. */
export function noRemovalProblems(p: RemovalProblems): boolean {
  return p.datasets.length === 0 && p.counties.length === 0;
}
