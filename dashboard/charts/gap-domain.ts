import type { Measure } from '../i18n/formatters.ts';

/**
 * The x domain of a chart of signed gaps: always spanning 0, and never empty. When every gap is 0 a
 * scale over [0, 0] maps everything to its middle, so a bar from 0 to 0 would span the whole chart;
 * a small span (one unit, or one percentage point for shares) keeps the zero bar zero wide. `labelRoom`
 * widens the negative side by that share of the span.
 */
export function gapDomain(diffs: readonly number[], measure: Measure, labelRoom = 0): [number, number] {
  const low = Math.min(0, ...diffs);
  const high = Math.max(0, ...diffs);
  // Labels of negative bars are drawn left of the bar's end: leave them room inside the frame, or
  // they run over the region names.
  if (high > low) return [low < 0 ? low - labelRoom * (high - low) : low, high];
  const span = measure.kind === 'share' || measure.unit === '%' ? 0.01 : 1;
  return [-span, span];
}
