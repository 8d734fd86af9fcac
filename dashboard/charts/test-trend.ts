import * as Plot from '@observablehq/plot';
import { term } from '../i18n/term.ts';
import type { Ui } from '../i18n/ui.ts';
import { chartFigure, type Column } from './chart-figure.ts';
import { labelMargin, PLOT_DEFAULTS } from './plot-defaults.ts';

/** One data test's outcome in one run. */
export interface TestOutcome {
  run_id: string;
  started_at: string;
  test_id: string;
  status: 'pass' | 'warn' | 'error';
  failures: number | null;
}

/** Options of the data-test trend. */
export interface TestTrendOptions {
  ui: Ui;
  title: string;
  id?: string;
  /** The most recent runs shown; older ones stay in the table's CSV of runs.json. */
  maxRuns?: number;
  cellWidth?: number;
  cellHeight?: number;
}

const defaults = { id: 'test-trend', maxRuns: 20, cellWidth: 84, cellHeight: 28, marginTop: 56 };

// Okabe–Ito, with a symbol in every cell as a second cue besides colour.
const STATUS = {
  pass: { color: '#009E73', symbol: '✓' },
  warn: { color: '#E69F00', symbol: '!' },
  error: { color: '#D55E00', symbol: '✗' },
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** A run's start as month-day hour:minute in the reader's time zone: short enough for a column. */
function shortTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Every data test across the latest runs, oldest to newest: a cell per test and run coloured by its
 * outcome and labelled with its symbol and the number of failing rows, so a test drifting from pass
 * to warn over the nights stands out.
 */
export function testTrendChart(data: readonly TestOutcome[], options: TestTrendOptions): HTMLElement {
  const o = { ...defaults, ...options };
  const { ui } = o;
  const { t, fmt } = ui;
  const runs = [...new Map(data.map((d) => [d.run_id, d.started_at])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]))
    .slice(-o.maxRuns);
  const shown = new Set(runs.map(([id]) => id));
  const rows = data
    .filter((d) => shown.has(d.run_id))
    .sort((a, b) => a.started_at.localeCompare(b.started_at) || a.test_id.localeCompare(b.test_id));
  const tests = [...new Set(rows.map((d) => d.test_id))].sort();
  const runLabel = new Map(runs.map(([id, at]) => [id, `${shortTime(at)}\n${id.slice(-4)}`]));
  const statusName = (s: TestOutcome['status']) => t(`test_status_${s}`);
  const cellText = (d: TestOutcome) => `${STATUS[d.status].symbol}${d.failures ? ` ${fmt.int(d.failures)}` : ''}`;
  // A test is named in the reader's words, never by its id.
  const testName = (id: string) => term(t, 'test', id);
  const marginLeft = labelMargin(tests.map(testName));
  const plot = Plot.plot({
    ...PLOT_DEFAULTS,
    width: marginLeft + Math.max(runs.length, 3) * o.cellWidth + 10,
    height: tests.length * o.cellHeight + o.marginTop + 10,
    marginLeft,
    marginTop: o.marginTop,
    padding: 0.06,
    x: {
      label: null,
      domain: runs.map(([id]) => id),
      tickFormat: (id: string) => runLabel.get(id) ?? id,
      axis: 'top',
      tickSize: 0,
      tickRotate: 0,
    },
    y: { label: null, domain: tests, tickSize: 0, tickFormat: testName },
    color: { type: 'ordinal', domain: ['pass', 'warn', 'error'], range: Object.values(STATUS).map((s) => s.color) },
    marks: [
      Plot.cell(rows, {
        x: 'run_id',
        y: 'test_id',
        fill: 'status',
        title: (d: TestOutcome) => `${testName(d.test_id)} · ${fmt.dateTime(d.started_at)}: ${statusName(d.status)}`,
      }),
      Plot.text(rows, { x: 'run_id', y: 'test_id', text: cellText, fill: 'white', fontSize: 11 }),
    ],
  });
  const legend = Plot.legend({
    color: {
      type: 'ordinal',
      domain: (['pass', 'warn', 'error'] as const).map((s) => `${STATUS[s].symbol} ${statusName(s)}`),
      range: Object.values(STATUS).map((s) => s.color),
    },
    className: 'cb-legend',
  });
  const columns: Column<TestOutcome>[] = [
    { key: 'run_id', label: t('col_run'), text: (d) => d.run_id },
    { key: 'started_at', label: t('col_started'), text: (d) => fmt.dateTime(d.started_at), value: (d) => d.started_at },
    // The download keeps the machine id beside the status's, as the method page maps them.
    { key: 'test_id', label: t('col_test'), text: (d) => testName(d.test_id), value: (d) => d.test_id },
    { key: 'status', label: t('col_status'), text: (d) => statusName(d.status), value: (d) => d.status },
    {
      key: 'failures',
      label: t('col_failures'),
      text: (d) => (d.failures === null ? fmt.missing : fmt.int(d.failures)),
      value: (d) => d.failures,
      numeric: true,
    },
  ];
  return chartFigure({
    id: o.id,
    title: o.title,
    n: t('test_trend_n', { runs: runs.length, tests: tests.length }),
    plot,
    legend,
    rows,
    columns,
    ui,
  });
}
