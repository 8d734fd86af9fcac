import { barListChart } from '../charts/bar-list.ts';
import { chartFigure, type Column } from '../charts/chart-figure.ts';
import { appliesTo, evaluateStandard } from '../../core/standards/evaluate-standard.ts';
import { measureOf } from '../data/measure-of.ts';
import { localCommunities } from '../data/local-communities.ts';
import type { CommunityRow, ComplianceRow } from '../../contract/published-types.ts';
import type { Check, Standard, Status } from '../../contract/standard.ts';
import type { GroupId } from '../../contract/indicators.ts';
import { regionSlice } from '../data/region-slice.ts';
import { isFraction } from '../i18n/formatters.ts';
import type { Ui } from '../i18n/ui.ts';
import { formatChecks, parseChecks, sameChecks } from '../state/checks-param.ts';
import { h } from '../ui/h.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';
import type { PageContext } from '../ui/page-context.ts';
import { section } from '../ui/section.ts';
import { stateLink } from '../ui/state-link.ts';
import { measureMeta, measureName, ruleText } from '../sections/standard-text.ts';
import { standardSource } from '../sections/standard-source.ts';

function statusCell(ui: Ui, status: Status | null): string {
  return status ? ui.t(`status_${status}`) : ui.t('status_unknown');
}

/** The region and children results of every standard, as the pipeline computed them. */
function complianceTable(ctx: PageContext, own: readonly ComplianceRow[]): HTMLElement {
  const { ui, state, store } = ctx;
  const { t, fmt } = ui;
  const rows = store.manifest.standards.map((s) => ({
    s,
    row: own.find((r) => r.standard_id === s.id && r.year === state.year),
  }));
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { key: 'standard', label: t('col_standard'), text: (r) => r.s[ui.lang] || r.s.id },
    { key: 'rule', label: t('col_rule'), text: (r) => ruleText(ui, r.s.checks) },
    { key: 'applies_to', label: t('col_group'), text: (r) => t(`standards_applies_${r.s.applies_to}`) },
    {
      key: 'in_scope',
      label: t('col_in_scope'),
      text: (r) => (r.row?.in_scope ? t('standards_in_scope') : t('standards_out_of_scope')),
      value: (r) => r.row?.in_scope ?? null,
    },
    {
      key: 'status',
      label: t('col_status'),
      text: (r) => (r.s.level === 'region' ? statusCell(ui, r.row?.status ?? null) : fmt.missing),
      value: (r) => (r.s.level === 'region' ? (r.row?.status ?? null) : null),
    },
    {
      key: 'n_pass',
      label: t('col_pass'),
      text: (r) => (r.s.level === 'community' ? fmt.int(r.row?.n_pass ?? 0) : fmt.missing),
      value: (r) => (r.s.level === 'community' ? (r.row?.n_pass ?? 0) : null),
      numeric: true,
    },
    {
      key: 'n_fail',
      label: t('col_fail'),
      text: (r) => (r.s.level === 'community' ? fmt.int(r.row?.n_fail ?? 0) : fmt.missing),
      value: (r) => (r.s.level === 'community' ? (r.row?.n_fail ?? 0) : null),
      numeric: true,
    },
    {
      key: 'n_unknown',
      label: t('col_unknown'),
      text: (r) => (r.s.level === 'community' ? fmt.int(r.row?.n_unknown ?? 0) : fmt.missing),
      value: (r) => (r.s.level === 'community' ? (r.row?.n_unknown ?? 0) : null),
      numeric: true,
    },
    {
      key: 'share_pass',
      label: t('col_share_pass'),
      text: (r) => fmt.pct(r.row?.share_pass),
      value: (r) => r.row?.share_pass ?? null,
      numeric: true,
    },
    { key: 'source', label: t('col_source_doc'), text: (r) => standardSource(ui, r.s) },
  ];
  return chartFigure({
    id: 'compliance',
    title: t('chart_compliance', { year: state.year }),
    plot: null,
    rows,
    columns,
    ui,
  });
}

/** The "what if" form: a standard and its thresholds, each change a new (linkable) view. */
function whatIfForm(ctx: PageContext, standard: Standard, checks: readonly Check[]): HTMLElement {
  const { ui, url, store } = ctx;
  const { t } = ui;
  const setBound = (i: number, bound: 'min' | 'max', value: string) => {
    const next = checks.map((c) => ({ ...c }));
    const v = value.trim() === '' ? undefined : Number(value);
    if (v === undefined || Number.isFinite(v)) next[i]![bound] = v;
    if (next[i]!.min === undefined && next[i]!.max === undefined) return;
    url.go({ standard: standard.id, checks: sameChecks(next, standard.checks) ? null : formatChecks(next) });
  };
  return h(
    'form',
    { class: 'what-if', onsubmit: (e: Event) => e.preventDefault() },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'standard-pick' }, t('standards_pick')),
      h(
        'select',
        {
          id: 'standard-pick',
          'data-focus-key': 'standard-pick',
          onchange: (e: Event) => url.go({ standard: (e.target as HTMLSelectElement).value, checks: null }),
        },
        store.manifest.standards.map((s) =>
          h('option', { value: s.id, selected: s.id === standard.id }, s[ui.lang] || s.id),
        ),
      ),
    ),
    h(
      'fieldset',
      { class: 'checks' },
      h('legend', null, t('standards_thresholds')),
      checks.map((c, i) =>
        h(
          'div',
          { class: 'field' },
          h(
            'span',
            { class: 'check-name' },
            isFraction(measureMeta(ui, c.indicator))
              ? t('with_note', { text: measureName(ui, c.indicator), note: '0–1' })
              : measureName(ui, c.indicator),
          ),
          (['min', 'max'] as const).map((bound) =>
            h(
              'label',
              null,
              `${t(bound === 'min' ? 'col_min' : 'col_max')} `,
              h('input', {
                type: 'number',
                step: 'any',
                value: c[bound] ?? '',
                'data-focus-key': `check-${i}-${bound}`,
                'data-check': `${c.indicator}:${bound}`,
                onchange: (e: Event) => setBound(i, bound, (e.target as HTMLInputElement).value),
              }),
            ),
          ),
        ),
      ),
      h(
        'button',
        { type: 'button', onclick: () => url.go({ standard: standard.id, checks: null }) },
        t('standards_reset'),
      ),
    ),
    h('p', { class: 'note' }, t('source_label', { source: standardSource(ui, standard) })),
  );
}

/** A region standard judged on the group means of the region and its sub-regions. */
async function regionResult(ctx: PageContext, standard: Standard, checks: Check[]): Promise<Node[]> {
  const { ui, store, state, tree } = ctx;
  const { t, fmt } = ui;
  const group: GroupId = standard.applies_to === 'all' ? 'rural' : standard.applies_to;
  const groups = await regionSlice(store, ctx.region, 'groups');
  const codes = [ctx.region, ...new Set(groups.children.map((g) => g.region_code))];
  const rows = codes.map((code) => {
    const values: Record<string, number | null> = {};
    for (const c of checks)
      values[c.indicator] =
        [...groups.own, ...groups.children].find(
          (g) => g.region_code === code && g.year === state.year && g.group === group && g.indicator === c.indicator,
        )?.value ?? null;
    return {
      code,
      name: ui.placeName(code, tree.get(code)?.name),
      values,
      status: evaluateStandard({ checks }, values),
    };
  });
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { key: 'region', label: t('col_region'), text: (r) => r.name },
    { key: 'code', label: t('col_code'), text: (r) => r.code },
    ...checks.map((c): Column<Row> => ({
      key: c.indicator,
      label: `${ui.groupName(group)} · ${measureName(ui, c.indicator)}`,
      text: (r) => fmt.value(measureMeta(ui, c.indicator), r.values[c.indicator]),
      value: (r) => r.values[c.indicator],
      numeric: true,
    })),
    { key: 'status', label: t('col_status'), text: (r) => statusCell(ui, r.status), value: (r) => r.status },
  ];
  const own = rows[0]!;
  return [
    h(
      'p',
      { class: `result status-${own.status}`, 'data-status': own.status },
      t('with_note', {
        text: `${t('label_colon', { label: own.name })}${statusCell(ui, own.status)}`,
        note: ruleText(ui, checks),
      }),
    ),
    note(t('note_what_if_region')),
    chartFigure({
      id: 'what-if',
      title: t('chart_what_if', { standard: standard[ui.lang] || standard.id, region: own.name, year: state.year }),
      n: t('n_regions', { n: rows.length }),
      plot: null,
      rows,
      columns,
      ui,
    }),
  ];
}

/** A community standard judged on each community of a county or township, with the edited thresholds. */
function communityResult(ctx: PageContext, standard: Standard, checks: Check[], communities: CommunityRow[]): Node[] {
  const { ui, state, url } = ctx;
  const { t, fmt } = ui;
  const rows = communities
    .filter((c) => c.year === state.year && appliesTo(standard, c.urban_rural))
    .map((c) => {
      const values: Record<string, number | null> = {};
      for (const check of checks) values[check.indicator] = measureOf(c, check.indicator);
      return { c, values, status: evaluateStandard({ checks }, values) };
    })
    .sort(
      (a, b) =>
        ['fail', 'unknown', 'pass'].indexOf(a.status) - ['fail', 'unknown', 'pass'].indexOf(b.status) ||
        a.c.community_code.localeCompare(b.c.community_code),
    );
  type Row = (typeof rows)[number];
  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  const columns: Column<Row>[] = [
    { key: 'community', label: t('col_community'), text: (r) => ui.placeName(r.c.community_code, r.c.name) },
    { key: 'code', label: t('col_code'), text: (r) => r.c.community_code },
    ...checks.map((c): Column<Row> => ({
      key: c.indicator,
      label: measureName(ui, c.indicator),
      text: (r) => fmt.value(measureMeta(ui, c.indicator), r.values[c.indicator]),
      value: (r) => r.values[c.indicator],
      numeric: true,
    })),
    { key: 'status', label: t('col_status'), text: (r) => statusCell(ui, r.status), value: (r) => r.status },
  ];
  const failing = rows.filter((r) => r.status === 'fail');
  return [
    barListChart(
      (['pass', 'fail', 'unknown'] as const).map((s) => ({ label: statusCell(ui, s), value: count(s) })),
      {
        ui,
        id: 'what-if-summary',
        title: t('chart_what_if', {
          standard: standard[ui.lang] || standard.id,
          region: ui.placeName(ctx.region, ctx.tree.get(ctx.region)?.name),
          year: state.year,
        }),
        labelHeading: t('col_status'),
        valueHeading: t('col_communities'),
        n: t('n_communities', { n: rows.length }),
      },
    ),
    failing.length
      ? section(
          t('standards_failing'),
          h(
            'ul',
            { class: 'failing-list' },
            failing.map((r) =>
              h(
                'li',
                null,
                stateLink(
                  url,
                  { page: 'community', region: r.c.community_code },
                  { 'data-region': r.c.community_code },
                  ui.placeName(r.c.community_code, r.c.name),
                ),
              ),
            ),
          ),
        )
      : null,
    chartFigure({
      id: 'what-if-communities',
      title: t('chart_community_compliance', { year: state.year }),
      n: t('n_communities', { n: rows.length }),
      plot: null,
      rows,
      columns,
      ui,
    }),
  ].filter((n): n is HTMLElement => n !== null);
}

/** Above the county: the pipeline's community counts for the region and its sub-regions. */
function precomputedResult(
  ctx: PageContext,
  standard: Standard,
  edited: boolean,
  own: ComplianceRow[],
  children: ComplianceRow[],
): Node[] {
  const { ui, state, tree } = ctx;
  const { t } = ui;
  const rows = [...own, ...children].filter((r) => r.standard_id === standard.id && r.year === state.year);
  return [
    edited ? note(t('note_what_if_above_county')) : null,
    barListChart(
      rows.map((r) => ({
        label: ui.placeName(r.region_code, tree.get(r.region_code)?.name),
        value: r.share_pass ?? 0,
        extra: { n_pass: String(r.n_pass), n_fail: String(r.n_fail), n_unknown: String(r.n_unknown) },
      })),
      {
        ui,
        id: 'what-if-regions',
        title: t('chart_what_if', {
          standard: standard[ui.lang] || standard.id,
          region: ui.placeName(ctx.region, tree.get(ctx.region)?.name),
          year: state.year,
        }),
        labelHeading: t('col_region'),
        valueHeading: t('col_share_pass'),
        extraHeadings: { n_pass: t('col_pass'), n_fail: t('col_fail'), n_unknown: t('col_unknown') },
        format: (v) => ui.fmt.pct(v),
        unit: '%',
        n: t('n_regions', { n: rows.length }),
      },
    ),
  ].filter((n): n is HTMLElement => n !== null);
}

/**
 * 达标: every standard for the region (in scope or not), and any region tested against any standard
 * with editable thresholds, using the pipeline's own pure evaluator.
 */
export const standardsPage: Page = {
  needs: { year: true, indicator: false, gap: false },
  async render(ctx) {
    const { store, state, ui } = ctx;
    const standards = store.manifest.standards;
    const standard = standards.find((s) => s.id === state.standard) ?? standards[0];
    const compliance = await regionSlice(store, ctx.region, 'compliance');
    if (!standard) return [complianceTable(ctx, compliance.own)];
    const checks = parseChecks(state.checks, standard.checks);
    const edited = !sameChecks(checks, standard.checks);
    const communities = await localCommunities(store, ctx.region);
    const result =
      standard.level === 'region'
        ? await regionResult(ctx, standard, checks)
        : communities
          ? communityResult(ctx, standard, checks, communities)
          : precomputedResult(ctx, standard, edited, compliance.own, compliance.children);
    return [
      complianceTable(ctx, compliance.own),
      section(ui.t('standards_what_if'), whatIfForm(ctx, standard, checks), ...result),
    ];
  },
};
