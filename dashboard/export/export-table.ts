import type { Column } from '../charts/chart-figure.ts';
import type { Ui } from '../i18n/ui.ts';
import type { ExportContext } from './export-context.ts';

/** A table ready to write: headings in the reader's language, machine names, and cells. */
export interface ExportTable {
  labels: string[];
  keys: string[];
  rows: unknown[][];
}

const PERCENT = new Set(['%', '个百分点', 'pp', 'percentage points']);

/** A shown number and its unit: "+2.9 个百分点" → 2.9 and 个百分点; "1,234 元/户" → 1234 and 元/户. */
export function shownNumber(text: string): { value: number; unit: string } | null {
  const match = /^([+\-\u2212]?[\d,]*\.?\d+)\s*(.*)$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]!.replace(/,/g, '').replace('\u2212', '-'));
  return Number.isFinite(value) ? { value, unit: match[2]!.trim() } : null;
}

/**
 * A chart's table as a download: the view's region, year and indicator as leading columns (unless
 * the rows already are regions, years or indicators), each numeric column's unit in its heading, and
 * its values as shown: a share shown as a percentage is written as that percentage, unrounded.
 */
export function exportTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  context: ExportContext,
  ui: Ui,
): ExportTable {
  const { t } = ui;
  const has = (...keys: string[]) => columns.some((c) => keys.includes(c.key));
  const lead: { key: string; label: string; value: unknown }[] = [];
  if (!has('code', 'region', 'region_code')) {
    lead.push({ key: 'region_code', label: t('col_region_code'), value: context.regionCode });
    lead.push({ key: 'region', label: t('col_region'), value: context.regionName });
  }
  if (context.year !== null && !has('year')) lead.push({ key: 'year', label: t('col_year'), value: context.year });
  if (context.indicator && !has('indicator'))
    lead.push({ key: 'indicator', label: t('col_indicator'), value: context.indicator.name });
  const units = columns.map((c) => (c.numeric ? commonUnit(rows.map((r) => shownNumber(c.text(r))?.unit ?? '')) : ''));
  const heading = (label: string, unit: string) =>
    unit ? (ui.lang === 'zh' ? `${label}（${unit}）` : `${label} (${unit})`) : label;
  return {
    labels: [...lead.map((l) => l.label), ...columns.map((c, i) => heading(c.label, units[i]!))],
    keys: [...lead.map((l) => l.key), ...columns.map((c) => c.key)],
    rows: rows.map((row) => [...lead.map((l) => l.value), ...columns.map((c, i) => cellValue(c, row, units[i]!))]),
  };
}

function commonUnit(units: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const unit of units) if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function cellValue<Row>(column: Column<Row>, row: Row, unit: string): unknown {
  const text = column.text(row);
  if (!column.numeric) return column.value ? column.value(row) : text;
  const raw = column.value?.(row);
  const shown = shownNumber(text);
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    // A 0–1 share shown as a percentage (or a difference in points): write the percentage.
    if (PERCENT.has(unit) && shown && Math.abs(raw * 100 - shown.value) < Math.abs(raw - shown.value)) return raw * 100;
    return raw;
  }
  if (raw === null || raw === undefined) return shown ? shown.value : text === '—' ? null : text;
  return raw;
}
