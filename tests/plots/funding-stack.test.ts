// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fundingStackChart } from '../../dashboard/charts/funding-stack.ts';
import { CATEGORY_COLORS } from '../../dashboard/charts/palette.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('fundingStackChart', () => {
  it('stacks each group to 100% and labels the parts large enough to hold a label', () => {
    const figure = fundingStackChart(
      [
        { group: 'urban', part: 'work', amount: 600_000 },
        { group: 'urban', part: 'service', amount: 380_000 },
        { group: 'urban', part: 'other', amount: 20_000 },
        { group: 'rural', part: 'work', amount: 300_000 },
        { group: 'rural', part: 'service', amount: 100_000 },
      ],
      {
        ui: zh,
        title: '经费构成（2019年）',
        groups: ['urban', 'rural'],
        parts: [
          { key: 'work', name: '工作经费', color: CATEGORY_COLORS.work! },
          { key: 'service', name: '服务经费', color: CATEGORY_COLORS.service! },
          { key: 'other', name: '其他', color: CATEGORY_COLORS.other! },
        ],
        partHeading: '类别',
      },
    );
    expect(figure.querySelectorAll('svg g[aria-label="bar"] rect')).toHaveLength(5);
    const labels = [...figure.querySelectorAll('svg g[aria-label="text"] text')].map((t) => t.textContent);
    expect(labels.filter(Boolean)).toEqual(['60%', '38%', '75%', '25%']);
    expectSvgSnapshot('funding-stack', figure);
  });
});
