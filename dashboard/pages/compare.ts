import { compareGroupsChart, type ComparedGap } from '../charts/compare-groups.ts';
import { chartFigure, type Column } from '../charts/chart-figure.ts';
import { hiddenGapText } from '../charts/gap-text.ts';
import { seriesTrendChart, type SeriesPoint } from '../charts/series-trend.ts';
import type { MemberGapRow } from '../data/empty-groups.ts';
import { regionGaps } from '../data/region-gaps.ts';
import type { Measure } from '../i18n/formatters.ts';
import { comparedRegions } from '../data/compared-regions.ts';
import { comparePicker } from '../sections/compare-picker.ts';
import { loadRomanizer } from '../i18n/romanizer.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';
import type { PageContext } from '../ui/page-context.ts';

/** Okabe–Ito hues other than the group colours' order, one per compared region. */
export const REGION_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'];

/**
 * 比较: 2-4 regions of any level side by side for the selected indicator, gap and year — each
 * group's value with n, the gap, the gap's and the values' trends, and every indicator's gap.
 */
export const comparePage: Page = {
  needs: { year: true, indicator: true, gap: true },
  async render(ctx) {
    const { store, ui, state, tree } = ctx;
    const { t, fmt } = ui;
    const codes = comparedRegions(ctx);
    const named = codes.map((code) => ui.placeName(code, tree.get(code)?.name));
    const names = named.map((name, i) =>
      named.indexOf(name) === i && named.lastIndexOf(name) === i ? name : `${name} ${codes[i]}`,
    );
    const gaps = await Promise.all(codes.map(async (code) => (await regionGaps(store, code)).own));
    const pair = store.manifest.gaps[state.gap];
    const measure = ui.indicator(state.indicator);
    const mine = (rows: readonly MemberGapRow[]) =>
      rows.filter((r) => r.indicator === state.indicator && r.gap === state.gap);
    const picker = comparePicker(ctx, codes, ui.romanizer ?? (await loadRomanizer()));
    if (codes.length < 2) return [picker, note(t('compare_pick_more'))];
    const ofYear: ComparedGap[] = codes.map((code, i) => ({
      code,
      name: names[i]!,
      row: mine(gaps[i]!).find((r) => r.year === state.year),
    }));
    // Gaps of shares are fractions; the trend axis reads them in percentage points.
    const pointScale = measure.kind === 'share' || measure.unit === '%' ? 100 : 1;
    const diffMeasure: Measure = { kind: 'continuous', unit: fmt.diffUnit(measure) };
    const gapPoints: SeriesPoint[] = codes.flatMap((_, i) =>
      mine(gaps[i]!).map((r) => ({
        year: r.year,
        series: names[i]!,
        value: r.suppressed || r.diff === null ? null : r.diff * pointScale,
        n: Math.min(r.n_a ?? 0, r.n_b ?? 0),
      })),
    );
    const a = ui.groupName(pair.a);
    const b = ui.groupName(pair.b);
    const valueSeries = names.flatMap((name, i) => [
      { name: `${name} · ${a}`, color: REGION_COLORS[i]!, dashed: false },
      { name: `${name} · ${b}`, color: REGION_COLORS[i]!, dashed: true },
    ]);
    const valuePoints: SeriesPoint[] = codes.flatMap((_, i) =>
      mine(gaps[i]!).flatMap((r) => [
        { year: r.year, series: `${names[i]} · ${a}`, value: r.value_a, n: r.n_a },
        { year: r.year, series: `${names[i]} · ${b}`, value: r.value_b, n: r.n_b },
      ]),
    );
    return [
      picker,
      compareGroupsChart(ofYear, { ui, indicator: state.indicator, gap: state.gap, year: state.year, groups: pair }),
      seriesTrendChart(gapPoints, {
        ui,
        id: 'compare-gap-trend',
        title: t('chart_compare_gap_trend', {
          indicator: ui.indicatorName(state.indicator),
          gap: ui.gapName(state.gap),
        }),
        measure: diffMeasure,
        series: names.map((name, i) => ({ name, color: REGION_COLORS[i]! })),
        note: t('compare_gap_trend_note', { gap: ui.gapName(state.gap), unit: fmt.diffUnit(measure), a, b }),
      }),
      seriesTrendChart(valuePoints, {
        ui,
        id: 'compare-value-trend',
        title: t('chart_compare_value_trend', { indicator: ui.indicatorName(state.indicator) }),
        measure,
        series: valueSeries,
        note: t('compare_value_trend_note', { a, b }),
      }),
      allIndicatorsTable(ctx, codes, names, gaps),
    ];
  },
};

interface Line {
  indicator: string;
  rows: (MemberGapRow | undefined)[];
}

/** Every indicator's gap of the year in each compared region, with both n. */
function allIndicatorsTable(
  ctx: PageContext,
  codes: readonly string[],
  names: readonly string[],
  gaps: readonly (readonly MemberGapRow[])[],
): HTMLElement {
  const { ui, state, store } = ctx;
  const { t, fmt } = ui;
  const pair = store.manifest.gaps[state.gap];
  const lines: Line[] = store.manifest.indicators.map((i) => ({
    indicator: i.id,
    rows: gaps.map((rows) => rows.find((r) => r.indicator === i.id && r.gap === state.gap && r.year === state.year)),
  }));
  const columns: Column<Line>[] = [
    { key: 'indicator', label: t('col_indicator'), text: (l) => ui.indicatorName(l.indicator) },
    ...codes.flatMap((code, i): Column<Line>[] => [
      {
        key: `diff_${code}`,
        label: t('col_region_gap', { region: names[i]! }),
        text: (l) => {
          const row = l.rows[i];
          return !row ? t('no_data') : (hiddenGapText(ui, row, pair) ?? fmt.diff(ui.indicator(l.indicator), row.diff));
        },
        value: (l) => (l.rows[i] && !l.rows[i]!.suppressed ? l.rows[i]!.diff : null),
        numeric: true,
      },
      {
        key: `n_${code}`,
        label: t('col_region_n', { region: names[i]! }),
        text: (l) => `${fmt.int(l.rows[i]?.n_a ?? 0)}/${fmt.int(l.rows[i]?.n_b ?? 0)}`,
        numeric: true,
      },
    ]),
  ];
  return chartFigure({
    id: 'compare-all',
    title: t('chart_compare_all', { gap: t(`gap_${state.gap}`), year: state.year }),
    note: t('footer_note', { n: store.manifest.min_group_n }),
    plot: null,
    rows: lines,
    columns,
    ui,
  });
}
