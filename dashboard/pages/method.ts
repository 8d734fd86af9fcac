import { chartFigure, type Column } from '../charts/chart-figure.ts';
import { GROUP_COLORS } from '../charts/palette.ts';
import { seriesTrendChart } from '../charts/series-trend.ts';
import type { Indicator } from '../../contract/indicators.ts';
import type { Standard } from '../../contract/standard.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { citeSource } from '../../contract/sources.ts';
import { NATIONAL_COVERAGE, NATIONAL_FACTS, SOURCE_FIGURES, type SourceFigure } from '../sections/reference-figures.ts';
import { standardSource } from '../sections/standard-source.ts';
import { ruleText } from '../sections/standard-text.ts';
import { h } from '../ui/h.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';
import { section } from '../ui/section.ts';

/** The definition key of an indicator: its own, or the common one of the facility coverages. */
function definitionKey(id: string): MessageKey {
  const own = `def_${id}`;
  return (own === 'def_cov_service_center' || !id.startsWith('cov_') ? own : 'def_cov_other') as MessageKey;
}

/**
 * 方法: every indicator's definition, groups, gaps and suppression, the standards and their sources,
 * the source reports' figures, the national reference points, and the downloads of this version.
 */
export const methodPage: Page = {
  needs: { year: false, indicator: false, gap: false },
  async render(ctx) {
    const { store, ui, tree } = ctx;
    const { t, fmt } = ui;
    const { manifest } = store;
    const indicatorColumns: Column<Indicator>[] = [
      // The name each indicator has in the downloads' indicator column, so a researcher can map them.
      { key: 'id', label: t('col_download_name'), text: (i) => i.id },
      { key: 'name', label: t('col_indicator'), text: (i) => i[ui.lang] },
      { key: 'unit', label: t('col_unit'), text: (i) => fmt.unit(i.unit) },
      { key: 'kind', label: t('col_kind'), text: (i) => t(`kind_${i.kind}`) },
      { key: 'better', label: t('col_better'), text: (i) => t(`better_${i.better}`) },
      { key: 'theme', label: t('col_theme'), text: (i) => t(`theme_${i.theme}`) },
      { key: 'definition', label: t('col_definition'), text: (i) => t(definitionKey(i.id)) },
    ];
    const standardColumns: Column<Standard>[] = [
      { key: 'standard', label: t('col_standard'), text: (s) => s[ui.lang] || s.id },
      { key: 'rule', label: t('col_rule'), text: (s) => ruleText(ui, s.checks) },
      { key: 'level', label: t('col_level'), text: (s) => t(`standards_level_${s.level}`) },
      { key: 'applies_to', label: t('col_group'), text: (s) => t(`standards_applies_${s.applies_to}`) },
      {
        key: 'scope',
        label: t('col_scope'),
        text: (s) => (s.scope === 'CN' ? t('level_nation') : `${tree.get(s.scope)?.name ?? ''} ${s.scope}`.trim()),
      },
      { key: 'source', label: t('col_source_doc'), text: (s) => standardSource(ui, s) },
    ];
    const sourceColumns: Column<SourceFigure>[] = [
      { key: 'source', label: t('col_source_report'), text: (f) => citeSource(f.source, ui.lang) },
      { key: 'place', label: t('col_place'), text: (f) => f.place[ui.lang] },
      { key: 'year', label: t('col_year'), text: (f) => String(f.year), value: (f) => f.year },
      { key: 'figure', label: t('col_figure'), text: (f) => f[ui.lang] },
    ];
    const urban = ui.groupName('urban');
    const rural = ui.groupName('rural');
    const downloads = Object.keys(manifest.downloads ?? {});
    if (downloads.includes('gaps.csv') && !downloads.includes('gaps.parquet')) downloads.splice(1, 0, 'gaps.parquet');
    return [
      h('p', { class: 'lead' }, t('method_intro')),
      chartFigure({
        id: 'indicators',
        title: t('chart_indicators'),
        n: String(manifest.indicators.length),
        plot: null,
        rows: manifest.indicators,
        columns: indicatorColumns,
        ui,
      }),
      section(
        t('method_groups'),
        h('p', null, t('method_groups_text', { n: manifest.min_group_n })),
        h('p', null, t('method_unknown')),
        h('p', null, t('method_inequality')),
      ),
      chartFigure({
        id: 'standards',
        title: t('chart_standards'),
        n: String(manifest.standards.length),
        plot: null,
        rows: manifest.standards,
        columns: standardColumns,
        ui,
      }),
      chartFigure({
        id: 'source-figures',
        title: t('chart_source_figures'),
        n: String(SOURCE_FIGURES.length),
        plot: null,
        rows: SOURCE_FIGURES,
        columns: sourceColumns,
        ui,
      }),
      section(
        t('method_reference'),
        note(t('note_synthetic_reference')),
        seriesTrendChart(
          NATIONAL_COVERAGE.flatMap((p) => [
            { year: p.year, series: urban, value: p.urban },
            { year: p.year, series: rural, value: p.rural },
          ]),
          {
            ui,
            id: 'national-reference',
            title: t('chart_reference'),
            measure: { kind: 'share', unit: '%' },
            series: [
              { name: urban, color: GROUP_COLORS.urban },
              { name: rural, color: GROUP_COLORS.rural },
            ],
            labelPoints: true,
            note: t('two_sentences', {
              a: ui.list(NATIONAL_COVERAGE.map((p) => `${p.note[ui.lang]} ${fmt.pct(p.urban)} / ${fmt.pct(p.rural)}`)),
              b: t('method_source_text'),
            }),
          },
        ),
        h(
          'ul',
          null,
          NATIONAL_FACTS.map((f) => h('li', null, t('with_note', { text: f[ui.lang], note: t('method_source_text') }))),
        ),
      ),
      section(
        t('method_downloads'),
        downloads.length
          ? [
              h('p', null, t('method_downloads_text')),
              h(
                'ul',
                { class: 'downloads' },
                downloads.map((name) => h('li', null, h('a', { href: store.fileUrl(name), download: name }, name))),
              ),
            ]
          : note(t('method_downloads_none')),
      ),
    ];
  },
};
