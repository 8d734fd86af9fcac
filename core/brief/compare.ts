import { INDICATORS } from '../../contract/indicators.ts';

/** How a value stands against a reference: the plain relation and, from the catalogue, the verdict. */
export interface Comparison {
  /** higher / lower / equal: the numbers alone. */
  relation: 'higher' | 'lower' | 'equal';
  /** better / worse / same: the relation read with the indicator's better direction. */
  verdict: 'better' | 'worse' | 'same';
  /** |value − reference| / |reference|; null when the reference is 0. */
  relative: number | null;
}

/** Which direction is better for an indicator (or a brief measure named like one), from the catalogue. */
export function betterDirection(indicator: string): 'higher' | 'lower' {
  const found = INDICATORS.find((i) => i.id === indicator);
  if (found) return found.better;
  // The brief's own measures that are not catalogue indicators.
  if (indicator === 'facilities') return 'higher';
  throw new Error(`unknown indicator: ${indicator}`);
}

/**
 * Compares a value with a reference for an indicator. Every comparison sentence of the brief is
 * worded from this one result, so "higher" never reads as "lower" and "worse" follows the catalogue.
 */
export function compare(indicator: string, value: number, reference: number): Comparison {
  const relation = value > reference ? 'higher' : value < reference ? 'lower' : 'equal';
  const better = betterDirection(indicator);
  const verdict = relation === 'equal' ? 'same' : relation === better ? 'better' : 'worse';
  return { relation, verdict, relative: reference === 0 ? null : Math.abs(value - reference) / Math.abs(reference) };
}
