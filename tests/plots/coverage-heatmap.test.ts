// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { coverageHeatmapChart } from '../../dashboard/charts/coverage-heatmap.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('coverageHeatmapChart', () => {
  it('labels every cell with its share and n, and leaves an unknown cell blank with a dash', () => {
    const figure = coverageHeatmapChart(
      [
        { row: '卫生室', column: '城镇社区', value: 0.9, n: 20 },
        { row: '卫生室', column: '农村社区', value: 0.4, n: 26 },
        { row: '图书室', column: '城镇社区', value: 1, n: 20 },
        { row: '图书室', column: '农村社区', value: null, n: 0 },
      ],
      {
        ui: zh,
        title: '设施覆盖率（2019年）',
        rowLabel: '设施',
        columnLabel: '组',
        rows: ['卫生室', '图书室'],
        columns: ['城镇社区', '农村社区'],
      },
    );
    expect(figure.querySelectorAll('svg g[aria-label="cell"] rect')).toHaveLength(4);
    const texts = [...figure.querySelectorAll('svg g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toContain('—');
    expectSvgSnapshot('coverage-heatmap', figure);
  });
});
