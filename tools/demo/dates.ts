/** Calendar days as whole numbers (days since 1970-01-01, UTC): the roster's arithmetic unit. */

const DAY_MS = 86_400_000;

/** The day number of a calendar date. */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** [year, month, day] of a day number (Hinnant's civil-from-days: no Date objects in hot loops). */
export function partsOfDay(day: number): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The calendar year of a day number. */
export function yearOfDay(day: number): number {
  return partsOfDay(day)[0];
}

/** A UTC Date at midnight of a day number (what an XLSX date cell stores). */
export function dateOfDay(day: number): Date {
  return new Date(day * DAY_MS);
}

/** How a date is written in a text file. */
export type DateForm = 'iso' | 'slash' | 'chinese';

/** A day number as 2024-03-05, 2024/3/5 or 2024年3月5日 (the inbox's date forms). */
export function formatDay(day: number, form: DateForm): string {
  const [y, m, d] = partsOfDay(day);
  if (form === 'slash') return `${y}/${m}/${d}`;
  if (form === 'chinese') return `${y}年${m}月${d}日`;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
