// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { groupDistributionChart, type UnitValue } from '../../dashboard/charts/group-distribution.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

const options = { ui: zh, year: 2019, communities: true, groups: ['urban', 'rural'] as const };

/** n communities of a group, with values from a function of their index. */
const units = (group: UnitValue['group'], n: number, value: (i: number) => number): UnitValue[] =>
  Array.from({ length: n }, (_, i) => ({
    code: `6102020010${group === 'urban' ? 1 : 2}${String(i).padStart(2, '0')}`,
    name: `社区${i + 1}`,
    group,
    value: value(i),
  }));

/** Each facet's frame and the dots drawn in it, in the facet's own coordinates. */
function facets(figure: Element) {
  return [...figure.querySelectorAll('svg g[aria-label="frame"] rect')].map((frame, i) => {
    const top = Number(frame.getAttribute('y'));
    const bottom = top + Number(frame.getAttribute('height'));
    const dots = [...figure.querySelectorAll('svg g[aria-label="dot"]')[0]!.children[i]!.querySelectorAll('circle')];
    return {
      top,
      bottom,
      dots: dots.map((c) => ({ cy: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')) })),
    };
  });
}

/** The texts of the x axis's ticks. */
const ticks = (figure: Element) =>
  [...figure.querySelectorAll('svg g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);

describe('groupDistributionChart', () => {
  it('draws every community as a dot in its group, with the medians', () => {
    const figure = groupDistributionChart(
      [...units('urban', 8, (i) => 70 + i * 2), ...units('rural', 6, (i) => 60 + i * 3)],
      { ...options, indicator: 'satisfaction' },
    );
    expect(figure.querySelectorAll('svg circle')).toHaveLength(14);
    expectSvgSnapshot('group-distribution', figure);
  });

  it('keeps a dense swarm inside its row', () => {
    const figure = groupDistributionChart(
      [...units('urban', 150, (i) => 80 + (i % 3)), ...units('rural', 150, (i) => 60 + (i % 5))],
      { ...options, indicator: 'satisfaction' },
    );
    const drawn = facets(figure);
    expect(drawn).toHaveLength(2);
    for (const facet of drawn) {
      expect(facet.dots).toHaveLength(150);
      for (const dot of facet.dots) {
        expect(dot.cy - dot.r).toBeGreaterThanOrEqual(facet.top - 0.5);
        expect(dot.cy + dot.r).toBeLessThanOrEqual(facet.bottom + 0.5);
      }
    }
    expectSvgSnapshot('group-distribution-dense', figure);
  });

  it('shows a 0/1 indicator as how many communities have it, on an axis of several ticks', () => {
    const figure = groupDistributionChart(
      [...units('urban', 40, (i) => (i < 30 ? 1 : 0)), ...units('rural', 60, (i) => (i < 15 ? 1 : 0))],
      { ...options, indicator: 'cov_library' },
    );
    expect(figure.querySelectorAll('svg circle')).toHaveLength(0);
    const labels = ticks(figure);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    const texts = [...figure.querySelectorAll('svg g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(['是 30', '否 10', '是 15', '否 45']);
    expect(figure.querySelectorAll('tbody tr')).toHaveLength(100);
    expectSvgSnapshot('group-distribution-yes-no', figure);
  });
});
