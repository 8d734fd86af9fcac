import { columnName, fileMessage, quarantineReason, ruleName } from '../i18n/quarantine-reason.ts';
import { term } from '../i18n/term.ts';
import { barListChart } from '../charts/bar-list.ts';
import { chartFigure, type Column } from '../charts/chart-figure.ts';
import { coverageHeatmapChart, type CoverageCell } from '../charts/coverage-heatmap.ts';
import { localCommunities } from '../data/local-communities.ts';
import type { QualityFile, QuarantineRow, SkippedPath } from '../../contract/published-types.ts';
import { regionSlice } from '../data/region-slice.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { h } from '../ui/h.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';
import type { PageContext } from '../ui/page-context.ts';

const MAX_ROWS = 300;
const MAX_FILES = 25;

/** What "reported" means per dataset, as a community measure and as a group indicator whose n counts it. */
const DATASETS = [
  { key: 'facilities', indicator: 'cov_service_center' },
  { key: 'funding', indicator: 'work_funds' },
  { key: 'staff', indicator: 'staff_per_1000hh' },
] as const;

/** One sub-region's reporting: how many communities it has data for, and how many reported each dataset. */
interface Reporting {
  name: string;
  base: number;
  counts: number[];
}

/**
 * Reporting coverage per sub-region: the share of communities that reported facilities, funding and
 * staff in the year. At a county or township it is counted community by community (out of the
 * communities with a row that year); above, from the group n of the sub-regions, out of the
 * communities each has data for in any year (regions.arrow).
 */
async function reportingRows(ctx: PageContext): Promise<Reporting[]> {
  const { store, state, tree, ui } = ctx;
  const level = regionLevel(ctx.region);
  if (level === 'county' || level === 'township') {
    const communities = ((await localCommunities(store, ctx.region)) ?? []).filter((c) => c.year === state.year);
    const key = (code: string) => (level === 'county' ? code.slice(0, 9) : code);
    return [...new Set(communities.map((c) => key(c.community_code)))].sort().map((unit) => {
      const mine = communities.filter((c) => key(c.community_code) === unit);
      return {
        name: ui.placeName(unit, level === 'county' ? tree.get(unit)?.name : mine[0]?.name),
        base: mine.length,
        counts: [
          mine.filter((c) => c.facilities_reported).length,
          mine.filter((c) => c.funding_total !== null).length,
          mine.filter((c) => c.headcount_end !== null).length,
        ],
      };
    });
  }
  const [groups, regions] = await Promise.all([regionSlice(store, ctx.region, 'groups'), store.regions()]);
  const base = new Map(regions.map((r) => [r.code, r.communities]));
  return [...new Set(groups.children.map((g) => g.region_code))].sort().map((code) => ({
    name: ui.placeName(code, tree.get(code)?.name),
    base: base.get(code) ?? 0,
    counts: DATASETS.map((d) =>
      groups.children
        .filter(
          (g) =>
            g.region_code === code &&
            g.year === state.year &&
            g.indicator === d.indicator &&
            (g.group === 'urban' || g.group === 'rural'),
        )
        .reduce((sum, g) => sum + g.n, 0),
    ),
  }));
}

/**
 * 下级地区报送情况: one cell per sub-region and dataset, coloured by the share reporting. Datasets
 * whose counts agree in every sub-region say the same thing, so they share one column.
 */
async function reporting(ctx: PageContext): Promise<HTMLElement> {
  const { ui, state } = ctx;
  const { t, fmt } = ui;
  const rows = await reportingRows(ctx);
  if (!rows.length) return note(t('note_no_children'));
  const columns = new Map<string, { label: string[]; index: number }>();
  DATASETS.forEach((d, i) => {
    const same = rows.map((r) => r.counts[i]).join('|');
    const column = columns.get(same) ?? { label: [], index: i };
    column.label.push(t(`dataset_${d.key}`));
    columns.set(same, column);
  });
  const merged = [...columns.values()].map((c) => ({
    label: c.label.join(ui.lang === 'zh' ? '、' : ', '),
    index: c.index,
  }));
  const cells: CoverageCell[] = rows.flatMap((r) =>
    merged.map((c) => {
      const n = r.counts[c.index]!;
      return { row: r.name, column: c.label, value: r.base ? Math.min(1, n / r.base) : null, n };
    }),
  );
  const bases = new Map(rows.map((r) => [r.name, r.base]));
  return coverageHeatmapChart(cells, {
    ui,
    id: 'reporting',
    title: t('chart_reporting', { year: state.year }),
    rowLabel: t('col_region'),
    columnLabel: t('col_dataset'),
    rows: rows.map((r) => r.name),
    columns: merged.map((c) => c.label),
    note: t('note_reporting'),
    unit: t('unit_communities'),
    legend: t('legend_reporting'),
    cellText: (c) => `${fmt.int(c.n)}/${fmt.int(bases.get(c.row))}\n${fmt.pct(c.value)}`,
  });
}

/** 数据质量: the row accounting of the live version, quarantine by rule and by file, and reporting coverage. */
export const qualityPage: Page = {
  needs: { year: true, indicator: false, gap: false },
  async render(ctx) {
    const { store, ui } = ctx;
    const { t, fmt } = ui;
    const quality = await store.quality();
    const byFile = new Map<string, number>();
    for (const row of quality.quarantine) byFile.set(row.file, (byFile.get(row.file) ?? 0) + 1);
    const fileColumns: Column<QualityFile>[] = [
      { key: 'dataset', label: t('col_dataset'), text: (f) => term(t, 'dataset', f.dataset) },
      { key: 'path', label: t('col_file'), text: (f) => f.path },
      { key: 'format', label: t('col_format'), text: (f) => f.format },
      { key: 'encoding', label: t('col_encoding'), text: (f) => f.encoding ?? '' },
      { key: 'status', label: t('col_status'), text: (f) => term(t, 'file_status', f.status) },
      {
        key: 'rows_read',
        label: t('col_rows_read'),
        text: (f) => fmt.int(f.rows_read),
        value: (f) => f.rows_read,
        numeric: true,
      },
      {
        key: 'rows_kept',
        label: t('col_rows_kept'),
        text: (f) => fmt.int(f.rows_kept),
        value: (f) => f.rows_kept,
        numeric: true,
      },
      {
        key: 'rows_merged',
        label: t('col_rows_merged'),
        text: (f) => fmt.int(f.rows_merged),
        value: (f) => f.rows_merged,
        numeric: true,
      },
      {
        key: 'rows_quarantined',
        label: t('col_rows_quarantined'),
        text: (f) => fmt.int(f.rows_quarantined),
        value: (f) => f.rows_quarantined,
        numeric: true,
      },
      { key: 'extra_columns', label: t('col_extra_columns'), text: (f) => ui.list(f.extra_columns ?? []) },
      { key: 'message', label: t('col_message'), text: (f) => fileMessage(ui, f.message) },
    ];
    const rowColumns: Column<QuarantineRow>[] = [
      { key: 'dataset', label: t('col_dataset'), text: (r) => term(t, 'dataset', r.dataset) },
      { key: 'file', label: t('col_file'), text: (r) => r.file },
      { key: 'sheet', label: t('col_sheet'), text: (r) => r.sheet ?? '' },
      {
        key: 'row_number',
        label: t('col_row_number'),
        text: (r) => (r.row_number === null ? '' : String(r.row_number)),
        value: (r) => r.row_number,
        numeric: true,
      },
      { key: 'column', label: t('col_column'), text: (r) => columnName(ui, r.column_name) },
      { key: 'rule', label: t('col_rule_id'), text: (r) => ruleName(ui, r.rule) },
      { key: 'reason', label: t('col_reason'), text: (r) => quarantineReason(ui, r) },
    ];
    const skippedColumns: Column<SkippedPath>[] = [
      { key: 'path', label: t('col_path'), text: (p) => p.path },
      { key: 'reason', label: t('col_reason'), text: (p) => t(`skip_${p.reason}`) },
    ];
    const shown = quality.quarantine.slice(0, MAX_ROWS);
    const { totals } = quality;
    return [
      note(t('quality_scope')),
      h(
        'p',
        {
          class: 'quality-totals',
          'data-totals': `${totals.rows_read}=${totals.rows_kept}+${totals.rows_quarantined}`,
        },
        t('quality_totals', {
          read: fmt.int(totals.rows_read),
          kept: fmt.int(totals.rows_kept),
          quarantined: fmt.int(totals.rows_quarantined),
        }),
      ),
      quality.quarantined_by_rule.length
        ? barListChart(
            quality.quarantined_by_rule.map((r) => ({
              label: `${term(t, 'dataset', r.dataset)} · ${ruleName(ui, r.rule)}`,
              value: r.rows,
              extra: { dataset: term(t, 'dataset', r.dataset), rule: ruleName(ui, r.rule) },
            })),
            {
              ui,
              id: 'quarantine-by-rule',
              title: t('chart_quarantine_rule'),
              labelHeading: t('col_rule_id'),
              valueHeading: t('col_rows_quarantined'),
              extraHeadings: { dataset: t('col_dataset'), rule: t('col_rule_id') },
              n: fmt.int(totals.rows_quarantined),
            },
          )
        : note(t('quality_none')),
      byFile.size
        ? barListChart(
            [...byFile]
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, MAX_FILES)
              // The chart names a file by its name, which is what tells files apart; the table keeps
              // the folder too.
              .map(([path, value]) => ({ label: path.split('/').at(-1)!, value, extra: { path } })),
            {
              ui,
              id: 'quarantine-by-file',
              labelShare: 0.6,
              extraHeadings: { path: t('col_file') },
              title: t('chart_quarantine_file'),
              labelHeading: t('col_file'),
              valueHeading: t('col_rows_quarantined'),
              n: fmt.int(quality.quarantine.length),
              note:
                byFile.size > MAX_FILES ? t('note_top_files', { shown: MAX_FILES, total: fmt.int(byFile.size) }) : null,
            },
          )
        : null,
      chartFigure({
        id: 'file-accounting',
        title: t('chart_file_accounting'),
        n: t('n_files', { n: quality.files.length }),
        plot: null,
        rows: quality.files,
        columns: fileColumns,
        ui,
      }),
      quality.skipped.length
        ? chartFigure({
            id: 'paths-not-read',
            title: t('quality_skipped'),
            n: fmt.int(quality.skipped.length),
            plot: null,
            rows: quality.skipped,
            columns: skippedColumns,
            ui,
          })
        : null,
      await reporting(ctx),
      shown.length
        ? chartFigure({
            id: 'quarantine-rows',
            title: t('chart_quarantine_rows'),
            n: fmt.int(quality.quarantine.length),
            note:
              quality.quarantine.length > shown.length
                ? t('note_rows_capped', { shown: fmt.int(shown.length), total: fmt.int(quality.quarantine.length) })
                : null,
            plot: null,
            rows: shown,
            columns: rowColumns,
            ui,
          })
        : null,
    ].filter((n): n is HTMLElement => n !== null);
  },
};
