// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gapTrendChart } from '../../dashboard/charts/gap-trend.ts';
import { textWidth } from '../../dashboard/charts/plot-defaults.ts';
import { gapRow, URBAN_RURAL, zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

const options = { ui: zh, indicator: 'turnover_rate', gap: 'urban_rural' as const, groups: URBAN_RURAL };
const years = Array.from({ length: 10 }, (_, i) => 2015 + i);

/** The x of each year's n label and the width its longest line takes at 11px. */
function nLabels(figure: Element) {
  return [...figure.querySelectorAll('svg g.n-label text')].map((text) => {
    const lines = [...text.querySelectorAll('tspan')].map((t) => t.textContent ?? '');
    const x = Number(/translate\(([-\d.]+)/.exec(text.getAttribute('transform') ?? '')?.[1] ?? text.getAttribute('x'));
    return { x, width: Math.max(...(lines.length ? lines : [text.textContent ?? '']).map(textWidth)) * (11 / 12) };
  });
}

describe('gapTrendChart', () => {
  it('draws both groups over the years with the gap above, 样本不足 for a suppressed year', () => {
    const figure = gapTrendChart(
      [
        gapRow({
          region_code: '6102',
          region_name: '铜川市',
          year: 2019,
          indicator: 'turnover_rate',
          value_a: 0.12,
          value_b: 0.05,
          diff: 0.07,
        }),
        gapRow({
          region_code: '6102',
          region_name: '铜川市',
          year: 2020,
          indicator: 'turnover_rate',
          value_a: 0.1,
          value_b: 0.06,
          diff: 0.04,
        }),
        gapRow({
          region_code: '6102',
          region_name: '铜川市',
          year: 2021,
          indicator: 'turnover_rate',
          value_a: 0.1,
          value_b: 0.2,
          n_b: 2,
          diff: null,
          suppressed: true,
        }),
      ],
      options,
    );
    const gaps = [...figure.querySelectorAll('svg g.gap-label text')].map((t) => t.textContent);
    expect(gaps).toEqual(['+7', '+4', '样本不足']);
    expectSvgSnapshot('gap-trend', figure);
  });

  it('keeps national sample sizes under the axis apart', () => {
    const figure = gapTrendChart(
      years.map((year) =>
        gapRow({
          region_code: 'CN',
          region_name: '全国',
          level: 'nation',
          year,
          indicator: 'turnover_rate',
          n_a: 12_345,
          n_b: 234_567,
          value_a: 0.1,
          value_b: 0.08,
          diff: 0.02,
        }),
      ),
      options,
    );
    const labels = nLabels(figure);
    expect(labels).toHaveLength(10);
    for (let i = 1; i < labels.length; i++) {
      const room = labels[i]!.x - labels[i - 1]!.x;
      expect(labels[i]!.width / 2 + labels[i - 1]!.width / 2 + 4, `years ${i - 1} and ${i}`).toBeLessThan(room);
    }
    expectSvgSnapshot('gap-trend-national', figure);
  });
});
