/**
 * The wages dataset: each county's average annual wage of urban non-private units. Invented beyond the
 * national anchor: a county's figure is the national average times a province factor and a county factor.
 */
import { rngFor } from './random.ts';

/**
 * Average annual wage of employees of urban non-private units, national, yuan (NBS statistical
 * communiqués, transcribed for calibration: check before citing). Years outside go on at 3% a year.
 */
export const NATIONAL_AVERAGE_WAGE: Readonly<Record<number, number>> = {
  2010: 36_539,
  2011: 41_799,
  2012: 46_769,
  2013: 51_483,
  2014: 56_360,
  2015: 62_029,
  2016: 67_569,
  2017: 74_318,
  2018: 82_413,
  2019: 90_501,
  2020: 97_379,
  2021: 106_837,
  2022: 114_029,
  2023: 120_698,
  2024: 124_110,
};

/**
 * Invented: province wage level relative to the national average, a rounded impression of the published
 * provincial tables (Beijing and Shanghai far above, central and north-eastern provinces below).
 */
const PROVINCE_FACTOR: Readonly<Record<string, number>> = {
  '11': 1.85,
  '12': 1.2,
  '13': 0.85,
  '14': 0.85,
  '15': 0.95,
  '21': 0.85,
  '22': 0.85,
  '23': 0.8,
  '31': 1.85,
  '32': 1.1,
  '33': 1.15,
  '34': 0.9,
  '35': 0.95,
  '36': 0.85,
  '37': 0.9,
  '41': 0.75,
  '42': 0.92,
  '43': 0.85,
  '44': 1.1,
  '45': 0.85,
  '46': 0.95,
  '50': 0.95,
  '51': 0.95,
  '52': 0.92,
  '53': 0.95,
  '54': 1.35,
  '61': 0.93,
  '62': 0.85,
  '63': 1.05,
  '64': 1.0,
  '65': 0.95,
};

/** The province's wage level relative to the nation (1 when unknown). */
export function provinceFactor(provinceCode: string): number {
  return PROVINCE_FACTOR[provinceCode] ?? 1;
}

/** The national average wage of a year, extended at 3% a year outside the table. */
export function nationalAverageWage(year: number): number {
  const years = Object.keys(NATIONAL_AVERAGE_WAGE).map(Number);
  const first = Math.min(...years);
  const last = Math.max(...years);
  if (year < first) return NATIONAL_AVERAGE_WAGE[first]! / 1.03 ** (first - year);
  if (year > last) return NATIONAL_AVERAGE_WAGE[last]! * 1.03 ** (year - last);
  return NATIONAL_AVERAGE_WAGE[year]!;
}

/**
 * A county's average annual wage in a year, whole yuan. Invented county factor: city districts (names
 * ending in 区) 1.00-1.15, other counties 0.80-1.00, fixed per county.
 */
export function countyAverageWage(seed: number, countyCode: string, countyName: string, year: number): number {
  const rng = rngFor(seed, 'county-wage', countyCode);
  const factor = countyName.endsWith('区') ? rng.uniform(1, 1.15) : rng.uniform(0.8, 1);
  return Math.round(nationalAverageWage(year) * provinceFactor(countyCode.slice(0, 2)) * factor);
}

/** One row of the wages dataset. */
export interface WageRow {
  countyCode: string;
  year: number;
  avgAnnualWage: number;
}

/** Wage rows for the counties generated, for the year before the first through the last (wage_ratio uses 上年度). */
export function wageRows(
  seed: number,
  counties: readonly { code: string; name: string }[],
  years: readonly number[],
): WageRow[] {
  const rows: WageRow[] = [];
  const all = [years[0]! - 1, ...years];
  for (const county of counties) {
    for (const year of all)
      rows.push({
        countyCode: county.code,
        year,
        avgAnnualWage: countyAverageWage(seed, county.code, county.name, year),
      });
  }
  return rows;
}
