// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { seriesTrendChart } from '../../dashboard/charts/series-trend.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('seriesTrendChart', () => {
  it('draws the subject solid and a reference series dashed, skipping unknown years', () => {
    const figure = seriesTrendChart(
      [
        { year: 2019, series: '本社区', value: 0.2, n: 8 },
        { year: 2020, series: '本社区', value: null, n: 0 },
        { year: 2021, series: '本社区', value: 0.1, n: 9 },
        { year: 2019, series: '本县同组中位数', value: 0.12 },
        { year: 2020, series: '本县同组中位数', value: 0.11 },
        { year: 2021, series: '本县同组中位数', value: 0.1 },
      ],
      {
        ui: zh,
        id: 'community-trend',
        title: '人员流失率',
        measure: zh.indicator('turnover_rate'),
        series: [
          { name: '本社区', color: '#0072B2' },
          { name: '本县同组中位数', color: '#999999', dashed: true },
        ],
        labelPoints: true,
      },
    );
    expect(figure.querySelectorAll('svg g[aria-label="dot"] circle')).toHaveLength(5);
    expect(figure.querySelectorAll('svg [stroke-dasharray="5,3"]').length).toBeGreaterThan(0);
    expectSvgSnapshot('series-trend', figure);
  });
});
