// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { groupComparisonChart } from '../../dashboard/charts/group-comparison.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('groupComparisonChart', () => {
  it('draws a bar per group with its value and n, and says 无数据 for a group without values', () => {
    const figure = groupComparisonChart(
      [
        { group: 'urban', value: 0.95, n: 20 },
        { group: 'rural', value: 0.62, n: 26 },
        { group: 'rural_industry', value: 0.7, n: 10 },
        { group: 'rural_no_industry', value: null, n: 0 },
      ],
      { ui: zh, indicator: 'cov_service_center', year: 2019 },
    );
    expect(figure.querySelectorAll('svg g[aria-label="bar"] rect')).toHaveLength(3);
    const texts = [...figure.querySelectorAll('svg g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(['95% · n=20', '62% · n=26', '70% · n=10', '无数据']);
    expectSvgSnapshot('group-comparison', figure);
  });
});
