import { compare } from './compare.ts';
import type { Visit } from './select-visits.ts';

/** A question to ask on a visit; its words are in the dashboard's messages (brief_question_<id>). */
export type QuestionId =
  | 'insurance'
  | 'wage_floor'
  | 'funds'
  | 'area'
  | 'facilities'
  | 'satisfaction'
  | 'staff'
  | 'funding'
  | 'turnover'
  | 'industry_lessons'
  | 'improvement'
  | 'typical_needs';

const STANDARD_QUESTIONS: Readonly<Record<string, QuestionId>> = {
  insurance: 'insurance',
  wage_floor: 'wage_floor',
  urban_funds: 'funds',
  office_funds: 'funds',
  service_center_area: 'area',
};

const WEAK_FIGURE_QUESTIONS: Readonly<Record<string, QuestionId>> = {
  facilities: 'facilities',
  satisfaction: 'satisfaction',
  staff_per_1000hh: 'staff',
  funding_per_household: 'funding',
  turnover_rate: 'turnover',
};

const RULE_QUESTIONS: Readonly<Partial<Record<Visit['rule'], QuestionId>>> = {
  leading_rural_industry: 'industry_lessons',
  largest_improver: 'improvement',
  typical_urban: 'typical_needs',
};

/**
 * Two to four questions to ask on a visit, drawn from its findings: the standards it fails, then its
 * figures worse than its group's median (furthest first), then what its rule picked it for.
 */
export function visitQuestions(visit: Visit): QuestionId[] {
  const out: QuestionId[] = [];
  const add = (q: QuestionId | undefined) => {
    if (q && !out.includes(q) && out.length < 4) out.push(q);
  };
  const rule = RULE_QUESTIONS[visit.rule];
  // A community picked for doing well is asked first about what works.
  if (rule && visit.rule !== 'typical_urban') add(rule);
  for (const id of visit.failedStandards) add(STANDARD_QUESTIONS[id]);
  const weak = visit.figures
    .filter((f) => f.value !== null && f.groupMedian !== null)
    .map((f) => ({ f, c: compare(f.measure, f.value!, f.groupMedian!) }))
    .filter(({ c }) => c.verdict === 'worse')
    .sort((a, b) => (b.c.relative ?? Infinity) - (a.c.relative ?? Infinity));
  for (const { f } of weak) add(WEAK_FIGURE_QUESTIONS[f.measure]);
  add(rule);
  // Every visit asks at least two things: the staffing and the residents' view are always worth asking.
  for (const fallback of ['satisfaction', 'staff'] as const) if (out.length < 2) add(fallback);
  return out;
}
