/**
 * How one county's bureau writes its files. Real bureaus differ in file format, header wording, yes/no
 * words, encodings and date forms; the demo varies these by the county's position in the run (so every
 * variant shows up once a run has a handful of counties) and picks the container by scale: XLSX per
 * county and year where a person would fill in a form, CSV where volume makes XLSX too slow (national).
 */
import type { DateForm } from './dates.ts';
import type { PlaceId } from './places.ts';

/** How much of the country a run generates. */
export type Scale = 'seed' | 'province' | 'national';

export const SCALES: readonly Scale[] = ['seed', 'province', 'national'];

/** One county's way of writing its files. */
export interface HouseStyle {
  /** Header wording variant (each variant uses documented inbox aliases only). */
  headerVariant: 0 | 1 | 2;
  /** Value label variant: 专职工作者 or 专职人员, 工作经费 or 办公经费, … */
  labelVariant: 0 | 1;
  /** XLSX code cells typed as numbers rather than text. */
  codeAsNumber: boolean;
  yesNo: readonly [string, string];
  /** Labels of the 城乡类型 column, or null when the county leaves it out (the code says it). */
  urbanRuralLabels: readonly [string, string] | null;
  bom: boolean;
  crlf: boolean;
  dateForm: DateForm | 'mixed';
  /** Funding amounts: yuan, 万元 in the header, or a 单位 column saying 元 or 万元 per row. */
  fundingUnit: 'yuan' | 'wan' | 'unit-column';
  /** Yuan amounts written with thousands separators ("45,000"). */
  thousands: boolean;
  /** A 备注 column in the funding file. */
  remarks: boolean;
  communities: 'xlsx' | 'xlsx-sheets' | 'csv';
  facilities: 'xlsx' | 'csv';
  /** Every facility type with 是/否, or only the ones present plus the service centre (docs/indicators.md: a reported year's missing types count as absent). */
  facilityRows: 'all' | 'present';
  staff: 'xlsx' | 'csv';
}

const YES_NO: readonly (readonly [string, string])[] = [
  ['是', '否'],
  ['有', '无'],
  ['Y', 'N'],
  ['是', '否'],
];
const DATE_FORMS: readonly (DateForm | 'mixed')[] = ['iso', 'slash', 'chinese', 'mixed'];
const FUNDING_UNITS: readonly HouseStyle['fundingUnit'][] = ['yuan', 'wan', 'yuan', 'unit-column'];

/**
 * The style of the county at position `ordinal` (0-based, in code order) of a run. Containers: seed
 * scale writes communities and facilities as XLSX per county and year (Wangcang one workbook with a
 * sheet per year; Xinzhou's 2,878 villages send facilities as CSV), staff as UTF-8 CSV with every
 * fourth county in XLSX with date cells; province scale keeps XLSX for communities only; national
 * scale writes CSV throughout and lists only present facilities.
 */
export function houseStyle(scale: Scale, ordinal: number, place: PlaceId | undefined): HouseStyle {
  const fundingUnit = FUNDING_UNITS[ordinal % FUNDING_UNITS.length]!;
  const style: HouseStyle = {
    headerVariant: (ordinal % 3) as 0 | 1 | 2,
    labelVariant: (Math.floor(ordinal / 2) % 2) as 0 | 1,
    codeAsNumber: ordinal % 3 === 1,
    yesNo: YES_NO[ordinal % YES_NO.length]!,
    urbanRuralLabels: ordinal % 3 === 0 ? ['城镇', '农村'] : ordinal % 3 === 1 ? ['城市', '乡村'] : null,
    bom: ordinal % 2 === 0,
    crlf: ordinal % 3 !== 2,
    dateForm: DATE_FORMS[ordinal % DATE_FORMS.length]!,
    fundingUnit,
    thousands: fundingUnit === 'yuan' && ordinal % 4 === 2,
    remarks: ordinal % 2 === 1,
    communities: 'xlsx',
    facilities: 'xlsx',
    facilityRows: 'all',
    staff: ordinal % 4 === 1 ? 'xlsx' : 'csv',
  };
  if (scale === 'seed') {
    if (place === 'wangcang') style.communities = 'xlsx-sheets';
    if (place === 'xinzhou') style.facilities = 'csv';
  } else if (scale === 'province') {
    style.facilities = 'csv';
    style.staff = 'csv';
  } else {
    style.communities = 'csv';
    style.facilities = 'csv';
    style.facilityRows = 'present';
    style.staff = 'csv';
  }
  return style;
}
