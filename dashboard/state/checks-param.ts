import type { Check } from '../../contract/standard.ts';

/** Edited thresholds as a URL value: `indicator:min:max` items joined by commas, an empty bound for none. */
export function formatChecks(checks: readonly Check[]): string {
  return checks.map((c) => `${c.indicator}:${c.min ?? ''}:${c.max ?? ''}`).join(',');
}

/**
 * The thresholds to test: a standard's own, with bounds replaced by those in the URL value when it
 * names exactly the standard's measures (anything else is ignored rather than guessed at).
 */
export function parseChecks(value: string | null, original: readonly Check[]): Check[] {
  if (!value) return original.map((c) => ({ ...c }));
  const items = value.split(',').map((item) => item.split(':'));
  if (
    items.length !== original.length ||
    items.some((parts, i) => parts.length !== 3 || parts[0] !== original[i]!.indicator)
  ) {
    return original.map((c) => ({ ...c }));
  }
  return items.map(([indicator, min, max]) => {
    const check: Check = { indicator: indicator! };
    if (min !== '' && Number.isFinite(Number(min))) check.min = Number(min);
    if (max !== '' && Number.isFinite(Number(max))) check.max = Number(max);
    return check;
  });
}

/** Whether two sets of thresholds are the same. */
export function sameChecks(a: readonly Check[], b: readonly Check[]): boolean {
  return formatChecks(a) === formatChecks(b);
}
