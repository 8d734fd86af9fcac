// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { InequalityRow } from '../../contract/published-types.ts';
import { theilDecompositionChart } from '../../dashboard/charts/theil-decomposition.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

const row = (year: number, n: number, theil: number, between: number): InequalityRow => ({
  level: 'township',
  region_code: '610204101',
  year,
  indicator: 'funding_per_household',
  n,
  mean: 600,
  sd: 200,
  cv: 0.33,
  theil,
  theil_between: between,
  theil_within: theil - between,
  between_share: between / theil,
  gini: theil / 2,
});

describe('theilDecompositionChart', () => {
  it('stacks the between- and within-group parts of each year', () => {
    const figure = theilDecompositionChart([row(2019, 120, 0.2, 0.05), row(2020, 118, 0.18, 0.06)], {
      ui: zh,
      indicator: 'funding_per_household',
    });
    expect(figure.querySelectorAll('svg g[aria-label="bar"] rect')).toHaveLength(4);
    expect(figure.querySelector('.chart-note')?.textContent).not.toContain('不到');
    expectSvgSnapshot('theil-decomposition', figure);
  });

  it('flags years with few communities, where the index swings with single ones', () => {
    const figure = theilDecompositionChart(
      [row(2018, 9, 0.05, 0.01), row(2019, 9, 0.45, 0.2), row(2020, 40, 0.2, 0.05)],
      { ui: zh, indicator: 'funding_per_household' },
    );
    expect(figure.querySelector('.chart-note')?.textContent).toContain('2018，2019年只有不到 30 个社区有值');
    const pale = [...figure.querySelectorAll('svg g[aria-label="bar"] rect')].filter(
      (r) => r.getAttribute('fill-opacity') === '0.35',
    );
    expect(pale).toHaveLength(4);
    expect([...figure.querySelectorAll('td[data-key="small_n"]')].map((td) => td.textContent)).toEqual([
      '是',
      '是',
      '否',
    ]);
    expectSvgSnapshot('theil-decomposition-small-n', figure);
  });
});
