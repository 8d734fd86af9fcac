import type { Check, Standard, Status } from '../../contract/standard.ts';

/** Whether a code lies in a standard's scope: 'CN' covers everything, otherwise a code prefix. */
export function inScope(standard: Pick<Standard, 'scope'>, code: string): boolean {
  return standard.scope === 'CN' || code.startsWith(standard.scope);
}

/** Whether a standard applies to a community of this kind at all. */
export function appliesTo(standard: Pick<Standard, 'applies_to'>, urbanRural: string | null | undefined): boolean {
  return standard.applies_to === 'all' || standard.applies_to === urbanRural;
}

function judge(check: Check, value: number | null | undefined): Status {
  if (value === null || value === undefined || Number.isNaN(value)) return 'unknown';
  if (check.min !== undefined && value < check.min) return 'fail';
  if (check.max !== undefined && value > check.max) return 'fail';
  return 'pass';
}

/**
 * Judges measured values against a standard's checks: fail if any known value breaks its
 * threshold, else unknown if any value is missing, else pass. Pure, so the dashboard's
 * "what if this region applied that standard" gives the pipeline's answer.
 */
export function evaluateStandard(
  standard: Pick<Standard, 'checks'>,
  values: Readonly<Record<string, number | null | undefined>>,
): Status {
  let unknown = false;
  for (const check of standard.checks) {
    const status = judge(check, values[check.indicator]);
    if (status === 'fail') return 'fail';
    if (status === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'pass';
}
