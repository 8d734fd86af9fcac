import { term } from '../i18n/term.ts';
import type { Translate } from '../i18n/ui.ts';
import { chartFigure, type Column } from '../charts/chart-figure.ts';
import { testTrendChart } from '../charts/test-trend.ts';
import type { RunRecord } from '../../contract/published-types.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { h } from '../ui/h.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';
import { section } from '../ui/section.ts';

type Run = RunRecord;

/** The fields of a run shown in the history, in order when present, with their headings. */
const RUN_FIELDS: Partial<Record<keyof Run, MessageKey>> = {
  run_id: 'col_run',
  started_at: 'col_started',
  ended_at: 'col_ended',
  status: 'col_status',
  exit_code: 'col_exit_code',
  files: 'col_files',
  rows_read: 'col_rows_read',
  rows_kept: 'col_rows_kept',
  rows_quarantined: 'col_rows_quarantined',
  version: 'col_version',
  synthetic: 'runs_synthetic',
  message: 'col_message',
};

/** A byte count in KiB/MiB. */
function bytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(0)} KiB`;
}

/** 运行记录: the live publication and how fresh it is, and the history of runs when published. */
export const runsPage: Page = {
  needs: { year: false, indicator: false, gap: false },
  async render(ctx) {
    const { store, ui } = ctx;
    const { t, fmt } = ui;
    const { current, manifest } = store;
    const [quality, history] = await Promise.all([store.quality(), store.runHistory()]);
    const runs: Run[] = history?.runs ?? [];
    const hours = (Date.now() - Date.parse(current.generated_at)) / 3_600_000;
    const age =
      hours >= 24
        ? t('runs_age_days', { n: Math.floor(hours / 24) })
        : t('runs_age_hours', { n: Math.max(1, Math.ceil(hours)) });
    const years = manifest.years;
    const facts: [string, string][] = [
      [t('col_version'), current.version],
      [t('col_run'), current.run_id ?? fmt.missing],
      [t('col_time'), t('runs_freshness', { time: fmt.dateTime(current.generated_at), age })],
      [t('col_kind'), store.synthetic ? t('runs_synthetic') : t('runs_real')],
      [t('runs_registry'), manifest.registry_version ?? fmt.missing],
      [
        t('col_communities'),
        t('runs_counts', {
          communities: fmt.int(manifest.communities),
          community_years: fmt.int(manifest.community_years),
          first: years[0] ?? '',
          last: years.at(-1) ?? '',
        }),
      ],
      [
        t('col_files'),
        t('runs_shards', { files: fmt.int(manifest.shards.files), bytes: bytes(manifest.shards.bytes) }),
      ],
      [
        t('col_rows_read'),
        t('quality_totals', {
          read: fmt.int(quality.totals.rows_read),
          kept: fmt.int(quality.totals.rows_kept),
          quarantined: fmt.int(quality.totals.rows_quarantined),
        }),
      ],
    ];
    const fields = (Object.keys(RUN_FIELDS) as (keyof Run & string)[]).filter((f) =>
      runs.some((r) => r[f] !== undefined),
    );
    const cell = (f: string, v: unknown) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return fmt.int(v);
      if (typeof v === 'boolean') return v ? t('yes') : t('no');
      if ((f === 'started_at' || f === 'ended_at') && typeof v === 'string') return fmt.dateTime(v);
      if (f === 'status') return term(t, 'run_status', v);
      return String(v);
    };
    const columns: Column<Run>[] = fields.map((f) => ({
      key: f,
      label: t(RUN_FIELDS[f]!),
      text: (r) => cell(f, r[f]),
      value: (r) => (r[f] ?? null) as unknown,
      numeric: typeof runs.find((r) => r[f] !== null)?.[f] === 'number',
    }));
    const latest = runs.find((r) => r.status === 'published');
    // A failed night must be seen the next morning, not only in the table: the data shown is older.
    const last = runs[0];
    const failure =
      last?.status === 'failed'
        ? h(
            'p',
            { class: 'error run-failed', role: 'status' },
            t('runs_latest_failed', {
              time: fmt.dateTime(String(last.started_at)),
              version: current.version,
              message: String(last.message ?? ''),
            }),
          )
        : null;
    const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? fmt.int(v) : String(v));
    const table = <R extends object>(
      id: string,
      title: string,
      rows: R[],
      fields: [keyof R & string, MessageKey, ((v: unknown, row: R) => string)?][],
    ) =>
      chartFigure<R>({
        id,
        title,
        n: fmt.int(rows.length),
        plot: null,
        rows,
        columns: fields.map(([key, label, word]) => ({
          key,
          label: t(label),
          text: (r) =>
            word ? word(r[key], r) : typeof r[key] === 'boolean' ? (r[key] ? t('yes') : t('no')) : text(r[key]),
          value: (r) => (r[key] ?? null) as unknown,
          numeric: typeof rows.find((r) => r[key] !== null && r[key] !== undefined)?.[key] === 'number',
        })),
        ui,
      });
    const details: HTMLElement[] = [];
    if (latest) {
      const c = latest.changes;
      if (c) {
        details.push(
          note(t('runs_changes', { added: c.files_added, changed: c.files_changed, removed: c.files_removed })),
        );
        const datasets = [
          ...new Set([...Object.keys(c.rows_added ?? {}), ...Object.keys(c.rows_removed ?? {})]),
        ].sort();
        const rows = datasets.map((dataset) => ({
          dataset,
          rows_added: c.rows_added?.[dataset] ?? 0,
          rows_removed: c.rows_removed?.[dataset] ?? 0,
        }));
        if (rows.length)
          details.push(
            table('row-changes', t('chart_row_changes'), rows, [
              ['dataset', 'col_dataset', (v) => term(t, 'dataset', v)],
              ['rows_added', 'col_rows_added'],
              ['rows_removed', 'col_rows_removed'],
            ]),
          );
      }
      if (latest.steps?.length)
        details.push(
          table('run-steps', t('chart_run_steps'), latest.steps, [
            ['step', 'col_step', (v) => term(t, 'step', v)],
            ['ms', 'col_ms'],
            ['rows', 'col_rows'],
          ]),
        );
      if (latest.tests?.length) {
        details.push(
          table('data-tests', t('chart_data_tests'), latest.tests, [
            ['test_id', 'col_test', (v) => term(t, 'test', v)],
            ['severity', 'col_severity', (v) => term(t, 'severity', v)],
            ['status', 'col_status', (v) => term(t, 'test_status', v)],
            ['failures', 'col_failures'],
            ['message', 'col_message', (v, r) => testMessage(t, r.test_id, v)],
          ]),
        );
      }
      // Every run that reached its data tests, published or failed, so a drifting test shows.
      const outcomes = runs.flatMap((r) =>
        (r.tests ?? []).map((test) => ({
          run_id: String(r.run_id),
          started_at: String(r.started_at),
          test_id: test.test_id,
          status: test.status,
          failures: typeof test.failures === 'number' ? test.failures : null,
        })),
      );
      if (outcomes.length) details.push(testTrendChart(outcomes, { ui, title: t('chart_test_trend') }));
      if (c?.gap_moves?.length) {
        details.push(
          table('gap-moves', t('chart_gap_moves'), c.gap_moves, [
            ['region_name', 'col_county'],
            ['year', 'col_year'],
            ['indicator', 'col_indicator', (v) => ui.indicatorName(String(v))],
            ['gap', 'gap', (v) => ui.gapName(v === 'industry' ? 'industry' : 'urban_rural')],
            ['before', 'col_before'],
            ['after', 'col_after'],
            ['move', 'col_move'],
          ]),
        );
      }
    }
    if (history?.freshness.length) {
      if (history.freshness_warn_days !== null)
        details.push(note(t('runs_stale_note', { days: history.freshness_warn_days })));
      details.push(
        table('freshness', t('chart_freshness'), history.freshness, [
          ['dataset', 'col_dataset', (v) => term(t, 'dataset', v)],
          ['county_code', 'col_code'],
          ['county_name', 'col_county'],
          ['last_file_at', 'col_last_file'],
          ['age_days', 'col_age_days'],
          ['stale', 'col_stale'],
        ]),
      );
    }
    return [
      ...(failure ? [failure] : []),
      section(
        t('runs_current'),
        h(
          'dl',
          { class: 'profile-facts', 'data-version': current.version },
          facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
        ),
      ),
      runs.length
        ? chartFigure({
            id: 'runs',
            title: t('chart_runs'),
            n: fmt.int(runs.length),
            plot: null,
            rows: runs,
            columns,
            ui,
          })
        : note(t('note_no_runs')),
      ...details,
    ];
  },
};

/**
 * A data test's message in the reader's language: the pipeline writes it in English with the codes
 * concerned after a colon; those codes (and years) are kept, the words are the test's description.
 */
function testMessage(t: Translate, id: unknown, message: unknown): string {
  const description = term(t, 'test', id);
  const items = /:\s*([\d\s,…]+)$/.exec(String(message ?? ''))?.[1]?.trim();
  return items ? t('test_flagged', { description, items }) : description;
}
