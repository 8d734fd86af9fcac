/** Urban or rural, as the NBS coding rule reads a community code (docs/indicators.md). */
export type UrbanRural = 'urban' | 'rural';

/**
 * Urban/rural from the last three digits of a 12-digit code: 001-199 居委会 and 400-499 类似居委会 are
 * urban; 200-399 村委会 and 500-599 类似村委会 are rural; anything else is undefined.
 */
export function urbanRuralOfCode(code: string): UrbanRural | undefined {
  const s = Number(code.slice(9, 12));
  if ((s >= 1 && s <= 199) || (s >= 400 && s <= 499)) return 'urban';
  if ((s >= 200 && s <= 399) || (s >= 500 && s <= 599)) return 'rural';
  return undefined;
}

/** Township kind from digits 7-9 of a 9- or 12-digit code (docs/indicators.md). */
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'township_like';

export function townshipKindOfCode(code: string): TownshipKind | undefined {
  const s = Number(code.slice(6, 9));
  if (s >= 1 && s <= 99) return 'subdistrict';
  if (s >= 100 && s <= 199) return 'town';
  if (s >= 200 && s <= 399) return 'township';
  if (s >= 400 && s <= 599) return 'township_like';
  return undefined;
}
