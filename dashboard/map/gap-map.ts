import type { GapId, GroupId } from '../../contract/indicators.ts';
import type { GapRow } from '../../contract/published-types.ts';
import type { Ui } from '../i18n/ui.ts';
import type { ChoroplethOptions, ChoroplethValue } from './choropleth.ts';
import { REVIEW_NUMBER } from './map-config.ts';

/** A gap row as a map shape's figure: the difference, withheld for a small sample, with the smaller n. */
export function gapShapeValue(row: Pick<GapRow, 'diff' | 'n_a' | 'n_b' | 'suppressed'>): ChoroplethValue {
  return {
    value: row.suppressed ? null : row.diff,
    n: Math.min(row.n_a ?? 0, row.n_b ?? 0),
    suppressed: row.suppressed,
  };
}

/** English gap names are lower case ("industry gap"): a title or legend starting with one is capitalised. */
export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The missing-figure names and the map's source and 审图号 lines, as every map shows them. */
export function mapLabels(ui: Ui): ChoroplethOptions['labels'] {
  const { t } = ui;
  return {
    suppressed: t('suppressed'),
    noData: t('no_data'),
    source: t('map_source'),
    review: REVIEW_NUMBER ? t('map_review', { number: REVIEW_NUMBER }) : t('map_review_missing'),
  };
}

/**
 * The scale and legend of a gap map: diverging around 0, its title the gap with its unit, and each end
 * named by the side that lags there. diff = a − b, so where higher is better a negative gap means a
 * lags, where lower is better b does; the colours turn with it so the same side keeps one hue.
 */
export function gapMapLegend(
  ui: Ui,
  indicator: string,
  gap: GapId,
  pair: { a: GroupId; b: GroupId },
): Pick<ChoroplethOptions, 'scale' | 'legendTitle' | 'format' | 'negativeLabel' | 'positiveLabel' | 'flip' | 'labels'> {
  const { t, fmt } = ui;
  const measure = ui.indicator(indicator);
  const lags = (group: GroupId) => t('map_lags', { group: ui.groupName(group) });
  const higher = measure.better === 'higher';
  return {
    scale: 'diverging',
    legendTitle: sentence(t('map_legend_gap', { gap: ui.gapName(gap), unit: fmt.diffUnit(measure) })),
    // The middle of the ramp is no gap: "0", not "+0".
    format: (v) => (v === 0 ? fmt.diffBare(measure, v).replace(/^[+−-]/, '') : fmt.diffBare(measure, v)),
    negativeLabel: lags(higher ? pair.a : pair.b),
    positiveLabel: lags(higher ? pair.b : pair.a),
    flip: higher,
    labels: mapLabels(ui),
  };
}
