import { chartFigure, type Column } from '../charts/chart-figure.ts';
import { GROUP_COLORS, REFERENCE_COLORS } from '../charts/palette.ts';
import { seriesTrendChart, type SeriesPoint } from '../charts/series-trend.ts';
import { communityProfile, type ProfileLine } from '../data/community-profile.ts';
import { narrowestGroup } from '../../contract/indicators.ts';
import { localCommunities } from '../data/local-communities.ts';
import type { CommunityComplianceRow, CommunityRow } from '../../contract/published-types.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { h } from '../ui/h.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';
import type { PageContext } from '../ui/page-context.ts';
import { communityTable } from '../sections/community-table.ts';
import { loadRomanizer } from '../i18n/romanizer.ts';
import { EXTRA_MEASURES, measureMeta, measureName, ruleText } from '../sections/standard-text.ts';
import { standardSource } from '../sections/standard-source.ts';

function profileLines(ctx: PageContext, county: CommunityRow[], row: CommunityRow): ProfileLine[] {
  const ids = [...ctx.store.manifest.indicators.map((i) => i.id), ...EXTRA_MEASURES.map((m) => m.id)];
  return communityProfile(county, row, ids);
}

function profile(ctx: PageContext, county: CommunityRow[], compliance: CommunityComplianceRow[]): Node[] {
  const { ui, state, tree, store } = ctx;
  const { t, fmt } = ui;
  const code = state.region;
  const years = county.filter((c) => c.community_code === code);
  const row = years.find((c) => c.year === state.year) ?? years.at(-1);
  if (!row) return [note(t('community_not_found', { code }))];
  const group = narrowestGroup(row);
  const township = tree.get(row.township_code);
  const facts: [string, string][] = [
    [t('col_code'), row.community_code],
    [t('col_township'), township ? t('with_note', { text: township.name, note: township.code }) : row.township_code],
    [t('col_urban_rural'), ui.groupName(row.urban_rural)],
    [t('col_group'), ui.groupName(group)],
    [
      t('col_industry'),
      row.has_industry === null
        ? t('unknown')
        : row.has_industry
          ? `${t('yes')}${row.industry_type ? ` · ${row.industry_type}` : ''}`
          : t('no'),
    ],
    [t('col_households'), fmt.int(row.households)],
    [t('col_population'), fmt.int(row.population)],
  ];
  const lines = profileLines(ctx, county, row);
  const columns: Column<ProfileLine>[] = [
    { key: 'indicator', label: t('col_indicator'), text: (l) => measureName(ui, l.id) },
    {
      key: 'value',
      label: row.name,
      text: (l) => fmt.value(measureMeta(ui, l.id), l.value),
      value: (l) => l.value,
      numeric: true,
    },
    {
      key: 'group_median',
      label: t('with_note', { text: t('col_group_median'), note: ui.groupName(group) }),
      text: (l) => fmt.value(measureMeta(ui, l.id), l.groupMedian),
      value: (l) => l.groupMedian,
      numeric: true,
    },
    {
      key: 'township_median',
      label: t('col_township_median'),
      text: (l) => fmt.value(measureMeta(ui, l.id), l.townshipMedian),
      value: (l) => l.townshipMedian,
      numeric: true,
    },
  ];
  const trend: SeriesPoint[] = years.flatMap((y) => {
    const [line] = profileLines(ctx, county, y).filter((l) => l.id === state.indicator);
    return [
      { year: y.year, series: row.name, value: line?.value ?? null },
      { year: y.year, series: t('col_group_median'), value: line?.groupMedian ?? null },
      { year: y.year, series: t('col_township_median'), value: line?.townshipMedian ?? null },
    ];
  });
  const peers = county.filter((c) => c.year === row.year && narrowestGroup(c) === group).length;
  const neighbours = county.filter((c) => c.year === row.year && c.township_code === row.township_code).length;
  const own = compliance.filter((c) => c.community_code === code && c.year === row.year);
  const standardOf = (id: string) => store.manifest.standards.find((s) => s.id === id);
  const complianceColumns: Column<CommunityComplianceRow>[] = [
    { key: 'standard', label: t('col_standard'), text: (c) => standardOf(c.standard_id)?.[ui.lang] || c.standard_id },
    { key: 'rule', label: t('col_rule'), text: (c) => ruleText(ui, standardOf(c.standard_id)?.checks ?? []) },
    { key: 'status', label: t('col_status'), text: (c) => t(`status_${c.status}`), value: (c) => c.status },
    { key: 'measured', label: t('col_measured'), text: (c) => measuredText(ctx, c.measured), value: (c) => c.measured },
    {
      key: 'source',
      label: t('col_source_doc'),
      text: (c) => {
        const s = standardOf(c.standard_id);
        return s ? standardSource(ui, s) : '';
      },
    },
  ];
  return [
    h(
      'section',
      { class: 'page-section profile' },
      h('h3', { class: 'section-title community-name', 'data-community': code }, row.name),
      row.outside_registry ? note(t('community_outside')) : null,
      h(
        'dl',
        { class: 'profile-facts' },
        facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
      ),
    ),
    chartFigure({
      id: 'community-profile',
      title: t('chart_profile_table', { name: row.name, year: row.year }),
      plot: null,
      rows: lines,
      columns,
      ui,
    }),
    seriesTrendChart(trend, {
      ui,
      id: 'community-trend',
      title: t('chart_profile_trend', { indicator: ui.indicatorName(state.indicator) }),
      measure: ui.indicator(state.indicator),
      n: `${row.year}: ${ui.list([`${t('col_group_median')} ${fmt.int(peers)}`, `${t('col_township_median')} ${fmt.int(neighbours)}`])}`,
      series: [
        { name: row.name, color: GROUP_COLORS[group] },
        { name: t('col_group_median'), color: REFERENCE_COLORS.groupMedian, dashed: true },
        { name: t('col_township_median'), color: REFERENCE_COLORS.townshipMedian, dashed: true },
      ],
    }),
    own.length
      ? chartFigure({
          id: 'community-compliance',
          title: t('chart_community_compliance', { year: row.year }),
          plot: null,
          rows: own,
          columns: complianceColumns,
          ui,
        })
      : note(t('note_no_standards')),
  ].filter((n): n is HTMLElement => n !== null);
}

/** The values a standard measured, in words. */
function measuredText(ctx: PageContext, measured: string): string {
  const { ui } = ctx;
  try {
    const values = JSON.parse(measured) as Record<string, number | null>;
    return ui.list(
      Object.entries(values).map(([id, v]) => `${measureName(ui, id)} ${ui.fmt.value(measureMeta(ui, id), v)}`),
    );
  } catch {
    return measured;
  }
}

const MAX_COUNTIES = 60;

/** The counties with data below a region, from the region tree. */
function countiesUnder(tree: PageContext['tree'], code: string): string[] {
  const found: string[] = [];
  const walk = (c: string) => {
    for (const child of tree.children(c)) {
      if (child.level === 'county') found.push(child.code);
      else if (child.level === 'province' || child.level === 'city') walk(child.code);
    }
  };
  walk(code);
  return found;
}

/** 社区: one community against its group's median in the county and its township's median. */
export const communityPage: Page = {
  needs: { year: true, indicator: true, gap: false },
  async render(ctx) {
    const { store, state, ui } = ctx;
    const level = regionLevel(state.region);
    if (level !== 'community' && level !== 'county' && level !== 'township') {
      // Above the county the table gathers the counties' shards: a few dozen, not a nation's 2,800.
      const counties = countiesUnder(ctx.tree, state.region);
      if (counties.length > MAX_COUNTIES)
        return [note(ui.t('community_table_too_many', { n: ui.fmt.int(counties.length) }))];
      const rows = (await Promise.all(counties.map((code) => store.county(code, 'communities')))).flat();
      return [communityTable(ctx, rows, ui.romanizer ?? (await loadRomanizer()))];
    }
    const county = state.region.slice(0, 6);
    const [communities, compliance] = await Promise.all([
      store.county(county, 'communities'),
      level === 'community' ? store.county(county, 'community-compliance') : Promise.resolve([]),
    ]);
    if (level === 'community') return profile(ctx, communities, compliance);
    return [
      note(ui.t('note_community_only')),
      communityTable(ctx, (await localCommunities(store, state.region)) ?? [], ui.romanizer ?? (await loadRomanizer())),
    ];
  },
};
