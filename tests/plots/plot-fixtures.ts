import { GAPS, INDICATORS } from '../../contract/indicators.ts';
import type { GapRow } from '../../contract/published-types.ts';
import { makeUi } from '../../dashboard/i18n/ui.ts';

/** The UI in both languages over the catalogue, as the dashboard makes it from a manifest. */
export const zh = makeUi('zh', { indicators: [...INDICATORS] });
export const en = makeUi('en', { indicators: [...INDICATORS] });
export const URBAN_RURAL = GAPS.urban_rural;
export const INDUSTRY = GAPS.industry;

/** A gap row with the fields a chart reads; n of 5 on both sides unless told. */
export function gapRow(patch: Partial<GapRow> & Pick<GapRow, 'region_code' | 'region_name'>): GapRow {
  const row: GapRow = {
    level: 'township',
    year: 2019,
    indicator: 'satisfaction',
    gap: 'urban_rural',
    value_a: 80,
    value_b: 70,
    n_a: 5,
    n_b: 5,
    diff: 10,
    ratio: 80 / 70,
    suppressed: false,
    diff_change_prev: null,
    diff_change_first: null,
    ...patch,
  };
  return row;
}
