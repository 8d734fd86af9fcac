// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { barListChart } from '../../dashboard/charts/bar-list.ts';
import { textWidth } from '../../dashboard/charts/plot-defaults.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

const options = {
  ui: zh,
  id: 'industry-types',
  title: '产业类型（2019年）',
  labelHeading: '产业类型',
  valueHeading: '社区数',
};

const ticks = (figure: Element) =>
  [...figure.querySelectorAll('svg g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);

describe('barListChart', () => {
  it('counts of a few communities get whole ticks, each once', () => {
    const figure = barListChart(
      [
        { label: '农业', value: 4 },
        { label: '旅游', value: 2 },
        { label: '制造', value: 1 },
      ],
      options,
    );
    const labels = ticks(figure);
    expect(labels).toEqual(['0', '1', '2', '3', '4']);
    expect([...figure.querySelectorAll('td[data-key="label"]')].map((td) => td.textContent)).toEqual([
      '农业',
      '旅游',
      '制造',
    ]);
    expectSvgSnapshot('bar-list', figure);
  });

  it('keeps a custom format and its ticks', () => {
    const figure = barListChart(
      [
        { label: 'a.csv', value: 0.25 },
        { label: 'b.csv', value: 0.05 },
      ],
      { ...options, id: 'rates', format: (v: number) => zh.fmt.pct(v) },
    );
    expect(new Set(ticks(figure)).size).toBe(ticks(figure).length);
    expectSvgSnapshot('bar-list-format', figure);
  });

  it('shows long file names with both ends, shortened in the middle only where they must be', () => {
    const names = ['示例数据_140981_原平市_2021_社区基本情况.xlsx', '示例数据_610202_王益区_2019_经费.csv'];
    const figure = barListChart(
      names.map((label, i) => ({ label, value: 10 - i })),
      { ...options, id: 'quarantine-by-file', labelShare: 0.6 },
    );
    const labels = [...figure.querySelectorAll('svg g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toEqual(names);
    const narrow = barListChart(
      names.map((label, i) => ({ label, value: 10 - i })),
      { ...options, id: 'quarantine-by-file', width: 320, labelShare: 0.6 },
    );
    const cut = [...narrow.querySelectorAll('svg g[aria-label="y-axis tick label"] text')].map((t) => t.textContent!);
    expect(cut[0]).toMatch(/^示例数据_.*….*\.xlsx$/);
    expect(textWidth(cut[0]!)).toBeLessThanOrEqual(320 * 0.6 - 14);
    expectSvgSnapshot('bar-list-files', figure);
  });
});
