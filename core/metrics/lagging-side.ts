/**
 * Which group of a gap (diff = a − b) is behind, by the indicator's better direction: for turnover
 * (lower is better) a positive diff means group a is behind. null when the two are level.
 */
export function laggingSide(diff: number, better: 'higher' | 'lower'): 'a' | 'b' | null {
  if (diff === 0) return null;
  return diff > 0 === (better === 'higher') ? 'b' : 'a';
}
