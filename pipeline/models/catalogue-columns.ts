import { COMMUNITY_MEASURES, INDICATORS } from '../../contract/indicators.ts';

/**
 * The catalogue's column lists for the `{{name}}` placeholders of the model and shard queries, so
 * that no `.sql` file lists indicators itself: `{{indicators}}` every indicator, `{{continuous}}` the
 * continuous ones (dispersion), `{{inequality}}` those with Theil and Gini, `{{measures}}` the other
 * community-year measures the communities shard publishes.
 */
export const CATALOGUE_COLUMNS = {
  indicators: INDICATORS.map((i) => i.id),
  continuous: INDICATORS.filter((i) => i.kind === 'continuous').map((i) => i.id),
  inequality: INDICATORS.filter((i) => 'inequality' in i && i.inequality).map((i) => i.id),
  measures: COMMUNITY_MEASURES.map((m) => m.id),
} as const satisfies Record<string, readonly string[]>;
