// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gapRankingChart } from '../../dashboard/charts/gap-ranking.ts';
import { textWidth } from '../../dashboard/charts/plot-defaults.ts';
import { withEmptyGroups } from '../../dashboard/data/empty-groups.ts';
import { gapRow, URBAN_RURAL, zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

const options = { ui: zh, indicator: 'satisfaction', gap: 'urban_rural' as const, year: 2019, groups: URBAN_RURAL };

/** The widths of the bars of a figure, by their title. */
const barWidths = (figure: Element) =>
  [...figure.querySelectorAll('svg g[aria-label="bar"] rect')].map((rect) => ({
    title: rect.querySelector('title')?.textContent ?? '',
    width: Number(rect.getAttribute('width')),
  }));

describe('gapRankingChart', () => {
  it('ranks sub-regions by their gap, suppressed ones last without a bar', () => {
    const figure = gapRankingChart(
      [
        gapRow({ region_code: '610202001', region_name: '城东街道', diff: 12.5 }),
        gapRow({ region_code: '610202002', region_name: '城西街道', diff: -4 }),
        gapRow({ region_code: '610202003', region_name: '黄堡镇', diff: null, suppressed: true, n_b: 2 }),
      ],
      options,
    );
    expect(barWidths(figure)).toHaveLength(2);
    expectSvgSnapshot('gap-ranking', figure);
  });

  it('draws a zero gap as no bar, not as one across the whole chart', () => {
    const figure = gapRankingChart([gapRow({ region_code: '610202004', region_name: '王家河街道', diff: 0 })], options);
    for (const bar of barWidths(figure)) expect(bar.width, bar.title).toBeLessThan(1);
    expect([...figure.querySelectorAll('svg text')].map((t) => t.textContent)).toContain('+0');
    expectSvgSnapshot('gap-ranking-zero', figure);
  });
});

describe('gapRankingChart with a large negative gap', () => {
  it('draws its label inside the frame, clear of the region names', () => {
    const figure = gapRankingChart(
      [
        gapRow({ region_code: '610202004', region_name: '王家河街道', diff: -33 }),
        gapRow({ region_code: '610202001', region_name: '城东街道', diff: 2 }),
      ],
      options,
    );
    const names = [...figure.querySelectorAll('svg g[aria-label="y-axis tick label"] text')];
    const nameEnd = Math.max(
      ...names.map((t) => Number(/translate\(([-\d.]+)/.exec(t.getAttribute('transform')!)![1])),
    );
    const label = [...figure.querySelectorAll('svg g[aria-label="text"] text')].find(
      (t) => t.textContent === '−33 分',
    )!;
    const labelEnd = Number(/translate\(([-\d.]+)/.exec(label.getAttribute('transform')!)![1]);
    // The label is end-anchored at labelEnd: its start is about its width to the left.
    expect(labelEnd - textWidth('−33 分')).toBeGreaterThan(nameEnd);
    expectSvgSnapshot('gap-ranking-negative', figure);
  });
});

describe('gapRankingChart over groups with no communities', () => {
  it('says 无农村社区 where a township has no rural community, and 样本不足 where it has too few', () => {
    const rows = withEmptyGroups([
      gapRow({
        region_code: '610202001',
        region_name: '七一路街道',
        value_b: null,
        n_b: 0,
        diff: null,
        suppressed: true,
      }),
      gapRow({
        region_code: '610202001',
        region_name: '七一路街道',
        indicator: 'cov_library',
        value_b: null,
        n_b: 0,
        diff: null,
        suppressed: true,
      }),
      gapRow({ region_code: '610202002', region_name: '黄堡镇', n_b: 2, diff: null, suppressed: true }),
      gapRow({
        region_code: '610202002',
        region_name: '黄堡镇',
        indicator: 'cov_library',
        n_b: 2,
        diff: null,
        suppressed: true,
      }),
    ]).filter((r) => r.indicator === 'satisfaction');
    const figure = gapRankingChart(rows, options);
    const texts = [...figure.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts).toContain('无农村社区');
    expect(texts).toContain('样本不足');
    const cells = [...figure.querySelectorAll('td[data-key="diff"]')].map((td) => td.textContent);
    expect(cells).toEqual(['无农村社区', '样本不足']);
    expectSvgSnapshot('gap-ranking-empty-group', figure);
  });
});
