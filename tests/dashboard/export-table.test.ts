import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../contract/indicators.ts';
import type { Column } from '../../dashboard/charts/chart-figure.ts';
import { contextLines } from '../../dashboard/export/described-svg.ts';
import { exportFileName, type ExportContext } from '../../dashboard/export/export-context.ts';
import { exportTable, shownNumber } from '../../dashboard/export/export-table.ts';
import { makeUi } from '../../dashboard/i18n/ui.ts';

const zh = makeUi('zh', { indicators: [...INDICATORS] });
const en = makeUi('en', { indicators: [...INDICATORS] });
const context: ExportContext = {
  regionCode: '6102',
  regionName: '铜川市',
  year: 2019,
  indicator: { id: 'cov_service_center', name: '综合服务中心覆盖率', unit: '%' },
  version: 'v1',
  synthetic: true,
};

interface Row {
  group: string;
  share: number | null;
  amount: number;
  gap: number | null;
}
const share = INDICATORS.find((i) => i.id === 'cov_service_center')!;
const columns = (ui: typeof zh): Column<Row>[] => [
  { key: 'group', label: ui.t('col_group'), text: (r) => r.group },
  {
    key: 'value',
    label: ui.t('col_value'),
    text: (r) => ui.fmt.value(share, r.share),
    value: (r) => r.share,
    numeric: true,
  },
  {
    key: 'amount',
    label: 'amount',
    text: (r) => ui.fmt.value({ kind: 'continuous', unit: '元/户' }, r.amount),
    numeric: true,
  },
  { key: 'diff', label: ui.t('col_diff'), text: (r) => ui.fmt.diff(share, r.gap), value: (r) => r.gap, numeric: true },
];
const rows: Row[] = [
  { group: 'urban', share: 0.57, amount: 1234.5, gap: 0.123456 },
  { group: 'rural', share: null, amount: 20, gap: null },
];

describe('a table as a download', () => {
  it('reads a shown number and its unit, the Unicode minus included', () => {
    expect(shownNumber('+2.9 个百分点')).toEqual({ value: 2.9, unit: '个百分点' });
    expect(shownNumber('1,234.5 元/户')).toEqual({ value: 1234.5, unit: '元/户' });
    expect(shownNumber('\u22125.46 分')).toEqual({ value: -5.46, unit: '分' });
    expect(shownNumber('57%')).toEqual({ value: 57, unit: '%' });
    expect(shownNumber('样本不足')).toBeNull();
  });

  it('leads with the view, puts units in the headings and writes shares as the percentages shown, unrounded', () => {
    const table = exportTable(rows, columns(zh), context, zh);
    expect(table.labels).toEqual([
      '地区代码',
      '地区',
      '年份',
      '指标',
      '组别',
      '数值（%）',
      'amount（元/户）',
      '差值（个百分点）',
    ]);
    expect(table.keys).toEqual(['region_code', 'region', 'year', 'indicator', 'group', 'value', 'amount', 'diff']);
    expect(table.rows).toEqual([
      // A column without a machine value is written as shown (1,235 元/户).
      ['6102', '铜川市', 2019, '综合服务中心覆盖率', 'urban', 57, 1235, 12.3456],
      // Unknown and withheld figures are empty cells, never 0.
      ['6102', '铜川市', 2019, '综合服务中心覆盖率', 'rural', null, 20, null],
    ]);
    expect(exportTable(rows, columns(en), context, en).labels.slice(5)).toEqual([
      `${en.t('col_value')} (%)`,
      'amount (yuan/hh)',
      `${en.t('col_diff')} (pp)`,
    ]);
  });

  it('leaves out the lead columns the rows already have, and the region on a page about the publication', () => {
    const own: Column<{ code: string; year: number }>[] = [
      { key: 'code', label: 'c', text: (r) => r.code },
      { key: 'year', label: 'y', text: (r) => String(r.year) },
    ];
    expect(exportTable([], own, context, zh).keys).toEqual(['indicator', 'code', 'year']);
    expect(exportTable([], own, { ...context, year: null, indicator: null }, zh).keys).toEqual(['code', 'year']);
  });

  it('names the file by region, indicator and year, and marks synthetic data in an image', () => {
    expect(exportFileName(context, 'map-county', 'png')).toBe('铜川市-6102_综合服务中心覆盖率_2019_map-county.png');
    expect(exportFileName({ ...context, year: null, indicator: null }, 'runs', 'csv')).toBe('铜川市-6102_runs.csv');
    expect(contextLines({ ui: zh, context })).toEqual([
      '地区：铜川市　年份：2019年　指标：综合服务中心覆盖率（%）',
      '数据版本：v1　示例数据：合成数据，仅供演示，不反映真实情况',
    ]);
    expect(contextLines({ ui: en, context: { ...context, synthetic: false } })[1]).toBe('Data version: v1');
  });
});
