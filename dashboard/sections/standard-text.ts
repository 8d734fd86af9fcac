import { STANDARD_MEASURES } from '../../contract/indicators.ts';
import type { Check } from '../../contract/standard.ts';
import type { Measure } from '../i18n/formatters.ts';
import type { Ui } from '../i18n/ui.ts';

/** Community measures that are not indicators but that standards check and profiles show. */
export const EXTRA_MEASURES: readonly (Measure & { id: string })[] = STANDARD_MEASURES.map((m) => ({
  id: m.id,
  kind: 'continuous',
  unit: m.unit,
}));

/** How to format a measure: an indicator's kind and unit, or an extra measure's. */
export function measureMeta(ui: Ui, id: string): Measure {
  return EXTRA_MEASURES.find((m) => m.id === id) ?? ui.indicator(id);
}

/** A standard's rule in words, e.g. "服务用房面积 ≥ 400；每百户服务用房面积 ≥ 20". */
export function ruleText(ui: Ui, checks: readonly Check[]): string {
  return ui.list(
    checks.map((c) => {
      const m = measureMeta(ui, c.indicator);
      const name = measureName(ui, c.indicator);
      const v = (x: number) => ui.fmt.value(m, x);
      if (c.min !== undefined && c.max !== undefined) return `${name} ${ui.fmt.bare(m, c.min)}–${v(c.max)}`;
      return c.min !== undefined ? `${name} ≥ ${v(c.min)}` : `${name} ≤ ${v(c.max!)}`;
    }),
  );
}

/** The name of a measure a standard may check: an indicator, or one of the extra community measures. */
export function measureName(ui: Ui, id: string): string {
  const extra: Record<string, [string, string]> = {
    households: ['户数', 'Households'],
    households_per_grid: ['每网格户数', 'Households per grid'],
    service_center_area_m2: ['服务用房面积', 'Service centre area'],
    service_funds: ['服务群众专项经费', 'Service funds'],
  };
  const known = extra[id];
  return known ? known[ui.lang === 'zh' ? 0 : 1] : ui.indicatorName(id);
}
