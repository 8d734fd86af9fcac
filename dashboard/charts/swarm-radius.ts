/**
 * The largest dot radius (up to `max`) at which a swarm of dots fits a band of `height` pixels: the
 * densest stretch of 2r pixels stacks its dots at most 2r + padding apart, half above and half below
 * the middle.
 * Below `min` the dots stay at `min` and the band grows instead: the height that then fits is returned.
 */
export function swarmRadius(
  positions: readonly number[],
  height: number,
  { max = 3.5, min = 1.25, padding = 1 } = {},
): { r: number; height: number } {
  const needed = (r: number) => densest(positions, 2 * r) * (2 * r + padding) + 2 * r;
  for (let r = max; r >= min; r -= 0.25) if (needed(r) <= height) return { r, height };
  return { r: min, height: Math.ceil(needed(min)) };
}

/** The most positions within any window of the given width. */
function densest(positions: readonly number[], width: number): number {
  const sorted = [...positions].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! > width) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
