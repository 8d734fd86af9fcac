import type { BriefModel, PeerScope, PlannedVisit, Problem } from '../../core/brief/brief-model.ts';
import { compare } from '../../core/brief/compare.ts';
import { MIN_PEERS } from '../../core/brief/build-brief.ts';
import type { Standard } from '../../contract/standard.ts';
import type { GroupId } from '../../contract/indicators.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Ui } from '../i18n/ui.ts';
import type { ChoroplethData, ChoroplethOptions } from '../map/choropleth.ts';
import { standardBasis, standardSource } from '../sections/standard-source.ts';
import { briefMapBlock, type BriefMap } from './brief-map.ts';

/** A list item: its sentence, then the lines that back it (basis, where the communities are listed). */
export interface BriefItem {
  text: string;
  notes: string[];
}

/** One block of a brief section, as the page, the PDF and the Word file all lay it out. */
export type BriefBlock =
  | { kind: 'heading'; level: 3 | 4; text: string; role: 'stop' | 'visit' | 'questions' | 'appendix' }
  | { kind: 'paragraph'; text: string; role?: 'note' | 'reason' | 'distinction' | 'counts' }
  | { kind: 'list'; ordered: boolean; items: BriefItem[]; role?: 'problems' | 'references' | 'questions' }
  | { kind: 'table'; role: 'gaps' | 'visit'; head: string[]; rows: string[][]; numeric: boolean[] }
  | {
      kind: 'chart';
      id: string;
      title: string;
      note: string;
      /** The chart read out in the brief's language (Word's alt text, which docx would write in English). */
      alt: string;
      bars: { label: string; value: number; text: string }[];
    }
  | {
      kind: 'map';
      id: string;
      title: string;
      /** The map's source and 审图号 lines, drawn in the map and set as the Word picture's caption. */
      caption: string[];
      /** The picture's description for a screen reader (Word's alt text). */
      alt: string;
      note: string | null;
      data: ChoroplethData;
      options: ChoroplethOptions;
    };

export interface BriefSection {
  id: 'basics' | 'gaps' | 'problems' | 'references' | 'visits' | 'notes' | 'appendix';
  heading: string;
  blocks: BriefBlock[];
}

/** The brief in one language: every word and figure it shows, laid out by the page and the Word writer. */
export interface BriefDocument {
  lang: Ui['lang'];
  region: string;
  year: number;
  title: string;
  /** The 示例数据 mark for every page's header, or null for real data. */
  mark: string | null;
  markLine: string | null;
  dataYear: string;
  published: string;
  sections: BriefSection[];
}

/** What the words need besides the model: names of communities, townships, standards and places. */
export interface BriefNames {
  communities: ReadonlyMap<string, string>;
  townships: ReadonlyMap<string, string>;
  standards: readonly Standard[];
  /** The name of a region code (a standard's scope, the brief's parent). */
  place(code: string): string;
}

const MEASURE_KEYS: Record<string, MessageKey> = {
  facilities: 'brief_measure_facilities',
  satisfaction: 'brief_measure_satisfaction',
  staff_per_1000hh: 'brief_measure_staff_per_1000hh',
  funding_per_household: 'brief_measure_funding_per_household',
  turnover_rate: 'brief_measure_turnover_rate',
};

/** The words for the regions a brief compares with. */
export function peerLabel(ui: Ui, scope: PeerScope, level: BriefModel['region']['level']): string {
  return ui.t(`brief_peers_${scope}_${level}` as MessageKey);
}

/** A brief measure's value with its unit, once. */
export function measureValue(ui: Ui, measure: string, v: number | null): string {
  if (measure === 'facilities')
    return v === null ? ui.fmt.missing : ui.t('brief_facilities_value', { n: ui.fmt.int(v) });
  return ui.fmt.value(ui.indicator(measure), v);
}

/**
 * The one comparison sentence of the brief: the value, whether it is higher or lower than the
 * reference, and whether that is better or worse for the indicator (from the catalogue direction).
 */
export function comparisonText(
  ui: Ui,
  indicator: string,
  value: number,
  reference: number,
  referenceLabel: string,
  withGap = false,
): string {
  const c = compare(indicator, value, reference);
  const params = {
    value: measureValue(ui, indicator, value),
    relation: ui.t(`brief_relation_${c.relation}`),
    reference_label: referenceLabel,
    reference: measureValue(ui, indicator, reference),
    verdict: ui.t(`brief_verdict_${c.verdict}`),
    // "相差 23%" of two percentages reads as points: say it is relative to the median, and which way.
    relative: c.relation === 'equal' ? '' : ui.t(`brief_relative_${c.relation}`, { relative: ui.fmt.pct(c.relative) }),
  };
  return ui.t(
    withGap && c.relative !== null && c.relation !== 'equal' ? 'brief_comparison_gap' : 'brief_comparison',
    params,
  );
}

/**
 * The words of the brief of a model, in the UI's language (pure: the same model gives the same words),
 * with the map of its sub-regions under the gaps table when there is one.
 */
export function briefDocument(
  ui: Ui,
  brief: BriefModel,
  registryNames: BriefNames,
  map: BriefMap | null = null,
): BriefDocument {
  const { t, fmt } = ui;
  const names = localNames(ui, registryNames);
  const regionName = ui.placeName(brief.region.code, brief.region.name);
  const level = brief.region.level;
  const peers = peerLabel(ui, brief.peerScope, level);
  const standardName = (id: string) => {
    const s = names.standards.find((x) => x.id === id);
    return (s && s[ui.lang]) || id;
  };
  const standardOf = (id: string) => names.standards.find((x) => x.id === id);
  const appendix: { title: string; codes: string[]; townships?: boolean }[] = [];

  // 基本情况
  const c = brief.basics.communities;
  const signed = (v: number | null, base: number | null) =>
    v === null || base === null ? fmt.missing : fmt.diff(ui.indicator('cov_service_center'), v - base);
  const basics: BriefBlock[] = [
    {
      kind: 'paragraph',
      role: 'counts',
      text: t('brief_counts', {
        urban: fmt.int(c.urban),
        rural: fmt.int(c.rural),
        industry: fmt.int(c.ruralIndustry),
        no_industry: fmt.int(c.ruralNoIndustry),
        unknown: fmt.int(c.ruralUnknown),
        households: fmt.int(brief.basics.households),
        population: fmt.int(brief.basics.population),
        workers: fmt.int(brief.basics.workers),
      }),
    },
    {
      kind: 'list',
      ordered: false,
      items: brief.basics.coverage.map((row) => {
        const v = row.compared.value;
        const m = row.compared.peerMedian;
        return {
          text: t(row.target === null ? 'brief_coverage_no_target' : 'brief_coverage', {
            group: ui.groupName(row.group),
            value: fmt.pct(v),
            n: fmt.int(row.compared.n),
            target: fmt.pct(row.target),
            comparison:
              v === null || m === null
                ? t('brief_no_peer_median', { value: fmt.pct(v) })
                : comparisonText(ui, 'cov_service_center', v, m, peers),
            previous: signed(v, row.compared.previous),
            first_year: brief.firstYear,
            first: signed(v, row.compared.first),
          }),
          notes: row.targetStandard
            ? [t('brief_basis', { source: sourceOf(ui, standardOf(row.targetStandard), brief.region.code) })]
            : [],
        };
      }),
    },
    { kind: 'paragraph', role: 'note', text: peerNote(ui, brief, names, peers) },
  ];

  // 城乡差距
  const gapRows = brief.gaps.map((g) => {
    const measure = ui.indicator(g.indicator);
    return [
      ui.indicatorName(g.indicator),
      ui.gapName(g.gap),
      `${fmt.value(measure, g.valueA)} (n=${fmt.int(g.nA)})`,
      `${fmt.value(measure, g.valueB)} (n=${fmt.int(g.nB)})`,
      g.suppressed ? t('suppressed') : fmt.diff(measure, g.diff),
      // A rank among fewer than two regions says nothing.
      g.rank === null || g.peers < 2 ? fmt.missing : t('brief_rank', { rank: g.rank, peers: g.peers }),
    ];
  });
  const ratioBars = brief.gaps
    .filter((g) => g.gap === 'urban_rural' && !g.suppressed && g.valueA !== null && g.valueB !== null && g.valueA !== 0)
    .map((g) => ({
      label: ui.indicatorName(g.indicator),
      value: (g.valueB! / g.valueA!) * 100,
      text: fmt.int((g.valueB! / g.valueA!) * 100),
    }));
  const gaps: BriefBlock[] = [
    {
      kind: 'table',
      role: 'gaps',
      head: [
        t('brief_col_indicator'),
        t('brief_col_gap'),
        t('brief_col_a'),
        t('brief_col_b'),
        t('brief_col_diff'),
        t('brief_col_rank'),
      ],
      rows: gapRows,
      numeric: [false, false, true, true, true, true],
    },
    { kind: 'paragraph', role: 'note', text: t('brief_rank_note', { peers }) },
  ];
  if (map) gaps.push(briefMapBlock(ui, map, { code: brief.region.code, name: regionName }, names.place));
  if (ratioBars.length > 0)
    gaps.push({
      kind: 'chart',
      id: 'ratio',
      title: t('brief_chart_ratio'),
      note: t('brief_chart_ratio_note'),
      alt: t('brief_chart_alt', {
        title: t('brief_chart_ratio'),
        bars: ui.list(ratioBars.map((b) => `${b.label} ${b.text}`)),
      }),
      bars: ratioBars,
    });
  if (brief.theilBetweenShare !== null)
    gaps.push({ kind: 'paragraph', text: t('brief_theil', { share: fmt.pct(brief.theilBetweenShare) }) });

  // 存在问题
  const problemItems = brief.problems.map((p) =>
    problemItem(ui, p, brief.region.code, peers, standardName, standardOf, appendix),
  );
  const problems: BriefBlock[] = problemItems.length
    ? [{ kind: 'list', ordered: true, role: 'problems', items: problemItems }]
    : [{ kind: 'paragraph', text: t('brief_no_problems') }];

  // 参照
  const references: BriefBlock[] = brief.references.length
    ? [
        { kind: 'paragraph', role: 'note', text: t('brief_references_intro') },
        {
          kind: 'list',
          ordered: false,
          role: 'references',
          items: brief.references.map((r) => ({
            text: t('brief_reference', {
              place: names.place(r.scope),
              standard: standardName(r.standardId),
              failing: fmt.int(r.failing),
              total: fmt.int(r.total),
              unknown: r.unknown > 0 ? t('brief_problem_standard_unknown', { unknown: fmt.int(r.unknown) }) : '',
            }),
            notes: [t('brief_reference_source', { source: sourceOf(ui, standardOf(r.standardId)) })],
          })),
        },
      ]
    : [{ kind: 'paragraph', text: t('brief_no_references') }];

  // 视察安排
  const visitCount = brief.plan.reduce((n, s) => n + s.visits.length, 0);
  const visits: BriefBlock[] = visitCount
    ? [
        { kind: 'paragraph', text: t('brief_visits_intro', { visits: visitCount, stops: brief.plan.length }) },
        ...brief.plan.flatMap((stop, k): BriefBlock[] => [
          {
            kind: 'heading',
            level: 3,
            role: 'stop',
            text: t('brief_stop', {
              k: k + 1,
              township: names.townships.get(stop.townshipCode) ?? stop.townshipName,
            }),
          },
          ...stop.visits.flatMap((v) =>
            visitBlocks(ui, { ...v, name: names.communities.get(v.code) ?? v.name }, standardName),
          ),
        ]),
      ]
    : [{ kind: 'paragraph', text: t('brief_no_visits') }];

  const notes: BriefBlock[] = [
    { kind: 'paragraph', text: t('brief_notes_when', { year: brief.year, time: fmt.dateTime(brief.generatedAt) }) },
    ...(brief.synthetic ? [{ kind: 'paragraph' as const, text: t('brief_mark_line') }] : []),
    { kind: 'paragraph', role: 'note', text: t('brief_data_note') },
  ];

  const sections: BriefSection[] = [
    { id: 'basics', heading: t('brief_basics'), blocks: basics },
    { id: 'gaps', heading: t('brief_gaps'), blocks: gaps },
    { id: 'problems', heading: t('brief_problems'), blocks: problems },
    { id: 'references', heading: t('brief_references'), blocks: references },
    { id: 'visits', heading: t('brief_visits'), blocks: visits },
    { id: 'notes', heading: t('brief_notes'), blocks: notes },
  ];
  if (appendix.length > 0)
    sections.push({
      id: 'appendix',
      heading: t('brief_appendix'),
      blocks: appendix.flatMap((a): BriefBlock[] => [
        { kind: 'heading', level: 3, role: 'appendix', text: a.title },
        ...(a.townships
          ? [{ kind: 'paragraph' as const, text: ui.list(a.codes.map((code) => names.townships.get(code) ?? code)) }]
          : byTownship(a.codes, names).map(([township, list]) => ({
              kind: 'paragraph' as const,
              text: t('brief_appendix_line', {
                township,
                n: fmt.int(list.length),
                names: ui.list(list),
              }),
            }))),
      ]),
    });

  return {
    lang: ui.lang,
    region: brief.region.code,
    year: brief.year,
    title: t('brief_title', { region: regionName, year: brief.year }),
    mark: brief.synthetic ? t('brief_mark') : null,
    markLine: brief.synthetic ? t('brief_mark_line') : null,
    dataYear: t('brief_data_year', { year: brief.year }),
    published: t('brief_published', { time: fmt.dateTime(brief.generatedAt) }),
    sections,
  };
}

/**
 * The names in the brief's language: an English brief spells places, townships and communities in
 * pinyin as the English dashboard does (王益区 → Wangyi District), once the page has loaded pinyin.
 */
function localNames(ui: Ui, names: BriefNames): BriefNames {
  if (ui.lang === 'zh' || !ui.romanizer) return names;
  const local = (list: ReadonlyMap<string, string>) =>
    new Map([...list].map(([code, name]) => [code, ui.placeName(code, name)] as const));
  return {
    ...names,
    communities: local(names.communities),
    townships: local(names.townships),
    place: (code) => ui.placeName(code, names.place(code)),
  };
}

/** A standard's source; with a region, the documents that bind that region (its basis). */
function sourceOf(ui: Ui, s: Standard | undefined, region?: string): string {
  if (!s) return ui.fmt.missing;
  return region ? standardBasis(ui, s, region) : standardSource(ui, s);
}

function peerNote(ui: Ui, brief: BriefModel, names: BriefNames, peers: string): string {
  const note = ui.t('brief_peer_note', { peers, n: ui.fmt.int(brief.peerCount) });
  if (brief.peerScope === 'parent' || brief.region.level === 'province') return note;
  const parent = brief.region.level === 'county' ? brief.region.code.slice(0, 4) : brief.region.code.slice(0, 2);
  return `${ui.t('brief_peer_fallback', { parent: names.place(parent), min: MIN_PEERS, peers })}${ui.lang === 'zh' ? '' : ' '}${note}`;
}

function problemItem(
  ui: Ui,
  p: Problem,
  region: string,
  peers: string,
  standardName: (id: string) => string,
  standardOf: (id: string) => Standard | undefined,
  appendix: { title: string; codes: string[]; townships?: boolean }[],
): BriefItem {
  const { t, fmt } = ui;
  const listed = (title: string, codes: readonly string[], townships = false) => {
    if (codes.length === 0) return [];
    appendix.push({ title: '', codes: [...codes], townships });
    const k = appendix.length;
    appendix[k - 1]!.title = townships
      ? t('brief_appendix_townships', { k, n: fmt.int(codes.length) })
      : t('brief_appendix_item', { k, problem: title, n: fmt.int(codes.length) });
    return [t('brief_see_appendix', { n: fmt.int(codes.length), k })];
  };
  switch (p.kind) {
    case 'standard_failed': {
      const basis = t('brief_basis', { source: sourceOf(ui, standardOf(p.standardId), region) });
      if (p.level === 'region') {
        const s = standardOf(p.standardId);
        const indicator = s?.checks[0]?.indicator ?? 'cov_service_center';
        return {
          text: t('brief_problem_region_standard_failed', {
            standard: standardName(p.standardId),
            value: fmt.value(ui.indicator(indicator), p.value),
            reference: fmt.value(ui.indicator(indicator), p.reference),
          }),
          notes: [basis],
        };
      }
      return {
        text: t('brief_problem_standard_failed', {
          standard: standardName(p.standardId),
          value: fmt.int(p.value),
          total: fmt.int(p.total),
          unknown: p.unknown ? t('brief_problem_standard_unknown', { unknown: fmt.int(p.unknown) }) : '',
        }),
        notes: [basis, ...listed(standardName(p.standardId), p.communities ?? [])],
      };
    }
    case 'below_peers':
      return {
        text: t('brief_problem_below_peers', {
          indicator: ui.indicatorName(p.indicator),
          group: ui.groupName(p.group),
          comparison: comparisonText(ui, p.indicator, p.value, p.reference, peers, true),
        }),
        notes: [],
      };
    case 'turnover_hotspot':
      return {
        text: t('brief_problem_turnover_hotspot', {
          value: fmt.int(p.value),
          total: fmt.int(p.total),
          reference: fmt.pct(p.reference),
        }),
        notes: listed(t('brief_appendix_turnover', { reference: fmt.pct(p.reference) }), p.communities),
      };
    case 'missing_data':
      return {
        text: t('brief_problem_missing_data', {
          townships: fmt.int(p.townships.length),
          unreported: fmt.int(p.unreported),
          total: fmt.int(p.total),
        }),
        notes: listed('', p.townships, true),
      };
  }
}

function visitBlocks(ui: Ui, v: PlannedVisit, standardName: (id: string) => string): BriefBlock[] {
  const { t, fmt } = ui;
  const turnover = v.figures.find((f) => f.measure === 'turnover_rate')?.value ?? null;
  const reason = t(`brief_visit_${v.rule}` as MessageKey, {
    pool: fmt.int(v.pool),
    count: fmt.int(v.failedStandards.length),
    standards: ui.list(v.failedStandards.map(standardName)),
    before: fmt.num(v.before),
    after: fmt.num(v.after),
    value: fmt.pct(turnover),
  });
  const blocks: BriefBlock[] = [
    {
      kind: 'heading',
      level: 4,
      role: 'visit',
      text: t('brief_visit_head', {
        name: ui.placeName(v.code, v.name),
        group: ui.groupName(v.group as GroupId),
        code: v.code,
      }),
    },
    { kind: 'paragraph', role: 'reason', text: reason },
  ];
  const d = v.distinction;
  if (d && d.value !== null && d.groupMedian !== null)
    blocks.push({
      kind: 'paragraph',
      role: 'distinction',
      text: t('brief_visit_distinction', {
        measure: t(MEASURE_KEYS[d.measure]!),
        comparison: comparisonText(ui, d.measure, d.value, d.groupMedian, t('brief_group_reference')),
      }),
    });
  blocks.push(
    {
      kind: 'table',
      role: 'visit',
      head: [t('brief_col_measure'), t('brief_col_value'), t('brief_col_group_median')],
      rows: v.figures.map((f) => [
        t(MEASURE_KEYS[f.measure]!),
        measureValue(ui, f.measure, f.value),
        measureValue(ui, f.measure, f.groupMedian),
      ]),
      numeric: [false, true, true],
    },
    { kind: 'heading', level: 4, role: 'questions', text: t('brief_questions') },
    {
      kind: 'list',
      ordered: true,
      role: 'questions',
      items: v.questions.map((q) => ({ text: t(`brief_question_${q}` as MessageKey), notes: [] })),
    },
  );
  return blocks;
}

/** Community names grouped by township, townships in code order. */
function byTownship(codes: readonly string[], names: BriefNames): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const code of [...codes].sort()) {
    const township = code.slice(0, 9);
    if (!groups.has(township)) groups.set(township, []);
    groups.get(township)!.push(names.communities.get(code) ?? code);
  }
  return [...groups].map(([code, list]) => [names.townships.get(code) ?? code, list]);
}
