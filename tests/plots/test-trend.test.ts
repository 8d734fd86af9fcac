// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { testTrendChart } from '../../dashboard/charts/test-trend.ts';
import { zh } from './plot-fixtures.ts';
import { expectSvgSnapshot } from './snapshot.ts';

describe('testTrendChart', () => {
  // Run times are shown in the reader's zone: fix it, so the snapshot is the same on every machine.
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });

  it('gives every test and run a cell with its outcome symbol and failing rows', () => {
    const figure = testTrendChart(
      [
        { run_id: 'run-0001', started_at: '2026-11-01T02:00:00Z', test_id: 'unique_keys', status: 'pass', failures: 0 },
        {
          run_id: 'run-0001',
          started_at: '2026-11-01T02:00:00Z',
          test_id: 'funding_outliers',
          status: 'warn',
          failures: 3,
        },
        {
          run_id: 'run-0002',
          started_at: '2026-11-02T02:00:00Z',
          test_id: 'unique_keys',
          status: 'error',
          failures: 1,
        },
        {
          run_id: 'run-0002',
          started_at: '2026-11-02T02:00:00Z',
          test_id: 'funding_outliers',
          status: 'warn',
          failures: 5,
        },
      ],
      { ui: zh, title: '数据检验走势' },
    );
    const texts = [...figure.querySelectorAll('svg g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(['! 3', '✓', '! 5', '✗ 1']);
    expectSvgSnapshot('test-trend', figure);
  });
});
