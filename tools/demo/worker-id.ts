/**
 * Synthetic worker ids (人员编号): `W` and ten digits. The digits are an affine permutation of
 * (registry row × 1000 + posting number) modulo 10^10, so ids are unique across the whole country,
 * stable for a seed, and carry no visible link to the community code.
 */

const MOD = 1e10;
const HALF = 1e5;
// Odd and not a multiple of 5, so coprime with 10^10: multiplication by it is a permutation.
const MULTIPLIER = 7_919_314_641;

/** Most postings one community can have over a run (ids reserve this many numbers per community). */
export const POSTINGS_PER_COMMUNITY = 1000;

/** (a × x) mod 10^10 without leaving exact double arithmetic. */
function mulMod(a: number, x: number): number {
  const hi = Math.floor(a / HALF);
  const lo = a % HALF;
  return (((hi * x) % HALF) * HALF + lo * x) % MOD;
}

/** The id of a community's n-th posting. */
export function workerId(seed: number, registryRow: number, posting: number): string {
  if (posting >= POSTINGS_PER_COMMUNITY)
    throw new Error(`more than ${POSTINGS_PER_COMMUNITY} postings in one community`);
  const x = registryRow * POSTINGS_PER_COMMUNITY + posting;
  const offset = mulMod(2_654_435_761, (seed % HALF) + 1) % MOD;
  return `W${String((mulMod(MULTIPLIER, x) + offset) % MOD).padStart(10, '0')}`;
}
