// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { turnoverWageChart } from '../../dashboard/charts/turnover-wage.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('turnoverWageChart', () => {
  it('draws each community by wage and turnover, shaped by its group', () => {
    const figure = turnoverWageChart(
      [
        { code: '610202001001', name: '甲社区', group: 'urban', wage: 4200, turnover: 0.08 },
        { code: '610202001002', name: '乙社区', group: 'urban', wage: 3900, turnover: 0.12 },
        { code: '610202101201', name: '丙村', group: 'rural', wage: 2500, turnover: 0.2 },
      ],
      { ui: zh, year: 2019 },
    );
    expect(figure.querySelectorAll('svg g[aria-label="dot"] path')).toHaveLength(3);
    expect(figure.querySelector('.chart-meta')?.textContent).toContain('城镇社区 2，农村社区 1');
    expectSvgSnapshot('turnover-wage', figure);
  });
});
