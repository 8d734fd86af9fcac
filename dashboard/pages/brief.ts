import type { BriefModel, Problem } from '../../core/brief/brief-model.ts';
import { buildBrief } from '../../core/brief/build-brief.ts';
import type { GroupId } from '../../contract/indicators.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Ui } from '../i18n/ui.ts';
import { regionLevel } from '../../contract/region-level.ts';
import { h } from '../ui/h.ts';
import { note } from '../ui/note.ts';
import type { Page } from '../ui/page.ts';

const MEASURE_KEYS: Record<string, MessageKey> = {
  facilities: 'brief_measure_facilities',
  satisfaction: 'brief_measure_satisfaction',
  staff_per_1000hh: 'brief_measure_staff_per_1000hh',
  funding_per_household: 'brief_measure_funding_per_household',
  turnover_rate: 'brief_measure_turnover_rate',
};

function figure(ui: Ui, measure: string, v: number | null): string {
  if (measure === 'facilities') return v === null ? ui.fmt.missing : ui.fmt.int(v);
  return ui.fmt.value(ui.indicator(measure), v);
}

function problemText(ui: Ui, p: Problem, names: ReadonlyMap<string, string>): (HTMLElement | string)[] {
  const { t, fmt } = ui;
  let text: string;
  switch (p.kind) {
    case 'standard_failed':
      text = t('brief_problem_standard_failed', {
        evidence: p.evidence,
        value: p.communities ? fmt.int(p.value) : fmt.num(p.value),
        reference: p.communities ? fmt.int(p.reference) : fmt.num(p.reference),
      });
      break;
    case 'below_peers': {
      const [indicator, group] = p.subject.split(':') as [string, GroupId];
      const measure = ui.indicator(indicator);
      text = t('brief_problem_below_peers', {
        indicator: ui.indicatorName(indicator),
        group: ui.groupName(group),
        value: fmt.value(measure, p.value),
        reference: fmt.value(measure, p.reference),
      });
      break;
    }
    case 'turnover_hotspot':
      text = t('brief_problem_turnover_hotspot', { value: fmt.int(p.value) });
      break;
    case 'funding_below_guarantee':
      text = t('brief_problem_funding_below_guarantee', { value: fmt.int(p.value), reference: fmt.int(p.reference) });
      break;
    case 'uninsured_workers':
      text = t('brief_problem_uninsured_workers', { value: fmt.int(p.value), reference: fmt.pct(p.reference) });
      break;
    case 'missing_data':
      text = t('brief_problem_missing_data', { evidence: p.evidence });
      break;
  }
  const parts: (HTMLElement | string)[] = [text];
  if (p.source) parts.push(h('span', { class: 'brief-source' }, ` ${t('brief_source', { source: p.source })}`));
  const listed = (p.communities ?? []).map((c) => names.get(c) ?? c);
  if (listed.length > 0 && p.kind !== 'missing_data') {
    const shown = listed.slice(0, 12);
    parts.push(
      h(
        'span',
        { class: 'brief-named' },
        ` ${t('brief_communities_named', { names: ui.list(shown) + (listed.length > shown.length ? ' …' : '') })}`,
      ),
    );
  }
  return parts;
}

function render(
  ui: Ui,
  brief: BriefModel,
  names: ReadonlyMap<string, string>,
  standardNames: ReadonlyMap<string, string>,
): HTMLElement {
  const { t, fmt } = ui;
  const c = brief.basics.communities;
  const signed = (measure: string, v: number | null) => (v === null ? fmt.missing : fmt.diff(ui.indicator(measure), v));
  const coverage = brief.basics.coverage.map((row) =>
    h(
      'li',
      null,
      t('brief_coverage', {
        group: ui.groupName(row.group),
        value: fmt.pct(row.compared.value),
        n: fmt.int(row.compared.n),
        target: fmt.pct(row.target),
        peers: fmt.pct(row.compared.peerMedian),
        previous:
          row.compared.previous === null || row.compared.value === null
            ? fmt.missing
            : signed('cov_service_center', row.compared.value - row.compared.previous),
        first_year: brief.firstYear,
        first:
          row.compared.first === null || row.compared.value === null
            ? fmt.missing
            : signed('cov_service_center', row.compared.value - row.compared.first),
      }),
    ),
  );
  const gapRows = brief.gaps.map((g) => {
    const measure = ui.indicator(g.indicator);
    return h(
      'tr',
      null,
      h('td', null, ui.indicatorName(g.indicator)),
      h('td', null, ui.gapName(g.gap)),
      h('td', { class: 'num' }, `${fmt.value(measure, g.valueA)} (n=${fmt.int(g.nA)})`),
      h('td', { class: 'num' }, `${fmt.value(measure, g.valueB)} (n=${fmt.int(g.nB)})`),
      h('td', { class: 'num' }, g.suppressed ? t('suppressed') : fmt.diff(measure, g.diff)),
      // A rank among fewer than two regions says nothing.
      h(
        'td',
        { class: 'num' },
        g.rank === null || g.peers < 2 ? fmt.missing : t('brief_rank', { rank: g.rank, peers: g.peers }),
      ),
    );
  });
  const visits = brief.visits.map((v) =>
    h(
      'article',
      { class: 'brief-visit', 'data-code': v.code },
      h('h4', null, `${v.name}（${v.code}）`),
      h(
        'p',
        { class: 'brief-reason' },
        t(`brief_visit_${v.rule}` as MessageKey, {
          standards: ui.list(v.failedStandards.map((id) => standardNames.get(id) ?? id)),
        }),
      ),
      h('p', null, t('brief_visit_township', { township: v.townshipName }), ` · ${ui.groupName(v.group as GroupId)}`),
      h(
        'table',
        { class: 'brief-table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, ''),
            h('th', null, t('brief_col_value')),
            h('th', null, t('brief_col_group_median')),
          ),
        ),
        h(
          'tbody',
          null,
          v.figures.map((f) =>
            h(
              'tr',
              null,
              h('td', null, t(MEASURE_KEYS[f.measure]!)),
              h('td', { class: 'num' }, figure(ui, f.measure, f.value)),
              h('td', { class: 'num' }, figure(ui, f.measure, f.groupMedian)),
            ),
          ),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'brief', 'data-region': brief.region.code, 'data-year': brief.year },
    h(
      'div',
      { class: 'brief-actions no-print' },
      h('button', { type: 'button', onclick: () => print() }, t('brief_print')),
    ),
    h('h2', { class: 'brief-title' }, t('brief_title', { region: brief.region.name, year: brief.year })),
    h(
      'section',
      { class: 'brief-section' },
      h('h3', null, t('brief_basics')),
      h(
        'p',
        { class: 'brief-counts' },
        t('brief_counts', {
          urban: fmt.int(c.urban),
          rural: fmt.int(c.rural),
          industry: fmt.int(c.ruralIndustry),
          no_industry: fmt.int(c.ruralNoIndustry),
          unknown: fmt.int(c.ruralUnknown),
          households: fmt.int(brief.basics.households),
          population: fmt.int(brief.basics.population),
          workers: fmt.int(brief.basics.workers),
        }),
      ),
      h('ul', null, coverage),
    ),
    h(
      'section',
      { class: 'brief-section' },
      h('h3', null, t('brief_gaps')),
      h(
        'table',
        { class: 'brief-table brief-gaps' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            [t('col_indicator'), t('gap'), t('brief_col_a'), t('brief_col_b'), t('col_diff'), t('col_rank')].map((x) =>
              h('th', null, x),
            ),
          ),
        ),
        h('tbody', null, gapRows),
      ),
      h('p', { class: 'brief-note' }, t('brief_rank_note')),
      brief.theilBetweenShare === null
        ? null
        : h('p', null, t('brief_theil', { share: fmt.pct(brief.theilBetweenShare) })),
    ),
    h(
      'section',
      { class: 'brief-section' },
      h('h3', null, t('brief_problems')),
      brief.problems.length === 0
        ? h('p', null, t('brief_no_problems'))
        : h(
            'ol',
            { class: 'brief-problems' },
            brief.problems.map((p) => h('li', { 'data-kind': p.kind }, problemText(ui, p, names))),
          ),
    ),
    h(
      'section',
      { class: 'brief-section brief-visits' },
      h('h3', null, t('brief_visits')),
      visits.length ? visits : h('p', null, t('brief_no_visits')),
    ),
    h(
      'section',
      { class: 'brief-section' },
      h('h3', null, t('brief_notes')),
      h(
        'p',
        { class: 'brief-note' },
        t('brief_data_note', {
          time: fmt.dateTime(brief.generatedAt),
          synthetic: brief.synthetic ? t('brief_synthetic') : '',
        }),
      ),
    ),
  );
}

/** 视察简报: the printable inspection brief of a city or county (docs/brief.md). */
export const briefPage: Page = {
  needs: { year: true, indicator: false, gap: false },
  async render(ctx) {
    const { store, tree, ui, state } = ctx;
    const code = state.region;
    const level = regionLevel(code);
    if (level !== 'city' && level !== 'county') return [note(ui.t('brief_only_city_county'))];
    const parent = level === 'city' ? code.slice(0, 2) : code.slice(0, 4);
    const counties = level === 'county' ? [code] : tree.children(code).map((r) => r.code);
    const [gaps, groups, compliance, inequality, communityParts, complianceParts] = await Promise.all([
      store.region(parent, 'gaps'),
      store.region(parent, 'groups'),
      store.region(code, 'compliance'),
      store.region(code, 'inequality'),
      Promise.all(counties.map((c) => store.county(c, 'communities'))),
      Promise.all(counties.map((c) => store.county(c, 'community-compliance'))),
    ]);
    const communities = communityParts.flat();
    const townships = new Map(counties.flatMap((c) => tree.children(c).map((t) => [t.code, t.name] as const)));
    const names = new Map(communities.map((r) => [r.community_code, r.name]));
    const brief = buildBrief({
      region: { code, name: tree.get(code)?.name ?? code, level, parentName: tree.get(parent)?.name ?? null },
      year: state.year,
      years: store.manifest.years,
      synthetic: store.synthetic,
      generatedAt: store.current.generated_at,
      communities,
      groups,
      gaps,
      theilBetweenShare: new Map(
        inequality
          .filter((r) => r.region_code === code && r.indicator === 'funding_per_household')
          .map((r) => [r.year, r.between_share ?? null] as const),
      ),
      regionCompliance: compliance,
      communityCompliance: complianceParts.flat(),
      standards: store.manifest.standards,
      townships,
    });
    const standardNames = new Map(store.manifest.standards.map((s) => [s.id, ui.lang === 'zh' ? s.zh : s.en] as const));
    return [render(ui, brief, names, standardNames)];
  },
};
