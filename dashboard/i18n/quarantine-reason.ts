import type { QuarantineRow } from '../../contract/published-types.ts';
import type { MessageKey } from './messages.ts';
import { term } from './term.ts';
import type { Ui } from './ui.ts';

type Params = Record<string, string>;

/**
 * The pipeline's reasons (pipeline/validate, pipeline/ingest) by their fixed wording, each with the
 * message that says it in the reader's language and the values it quotes. The first match wins, so
 * longer forms come before the shorter ones they start with.
 */
const REASONS: readonly [RegExp, MessageKey, (m: RegExpExecArray, ui: Ui) => Params][] = [
  [
    /^code must have (\d+) digits, has (\d+): (.*)$/s,
    'reason_code_length',
    (m) => ({ digits: m[1]!, has: m[2]!, value: m[3]! }),
  ],
  [/^not a (\d+)-digit code: (.*)$/s, 'reason_not_code', (m) => ({ digits: m[1]!, value: m[2]! })],
  [/^unknown county: (\d+) \(code (\d+)\)$/, 'reason_unknown_county', (m) => ({ county: m[1]!, code: m[2]! })],
  [
    /^community not in the registry and not named in any communities row: (.*)$/s,
    'reason_unnamed_community',
    (m) => ({ code: m[1]! }),
  ],
  [/^conflicting rows for the same (.+?): (.*)$/s, 'reason_conflict', (m, ui) => keyAndPlaces(ui, m[1]!, m[2]!)],
  [
    /^identical rows for the same (.+?), kept once: (.*)$/s,
    'reason_identical',
    (m, ui) => keyAndPlaces(ui, m[1]!, m[2]!),
  ],
  [/^missing value: required when a service centre is present$/, 'reason_missing_area', () => ({})],
  [/^missing value$/, 'reason_missing', () => ({})],
  [
    /^unknown value: (.*) \(accepted: (.*)\)$/s,
    'reason_unknown_value',
    (m, ui) => ({ value: m[1]!, accepted: accepted(ui, m[2]!) }),
  ],
  [/^must be at least (\S+): (.*)$/s, 'reason_min', (m) => ({ min: m[1]!, value: m[2]! })],
  [/^must be at most (\S+): (.*)$/s, 'reason_max', (m) => ({ max: m[1]!, value: m[2]! })],
  [/^not a number: (.*)$/s, 'reason_not_number', (m) => ({ value: m[1]! })],
  [/^not a whole number: (.*)$/s, 'reason_not_whole', (m) => ({ value: m[1]! })],
  [/^not yes\/no(?: \(是\/否\))?: (.*)$/s, 'reason_not_yes_no', (m) => ({ value: m[1]! })],
  [/^no such date: (.*)$/s, 'reason_no_such_date', (m) => ({ value: m[1]! })],
  [/^not a date: a year alone, (\d+) \(.*\)$/s, 'reason_year_alone', (m) => ({ value: m[1]! })],
  [/^not a date(?: \(expected [^)]*\))?: (.*)$/s, 'reason_not_date', (m) => ({ value: m[1]! })],
  [/^year in the future: (.*)$/s, 'reason_future_year', (m) => ({ value: m[1]! })],
  [/^year out of range: (.*)$/s, 'reason_year_range', (m) => ({ value: m[1]! })],
  [/^date in the future: (.*)$/s, 'reason_future_date', (m) => ({ value: m[1]! })],
  [
    /^left before hired: left (.*), hired (.*)$/s,
    'reason_left_before_hired_dates',
    (m) => ({ left: m[1]!, hired: m[2]! }),
  ],
  [/^left before hired$/, 'reason_left_before_hired', () => ({})],
  [/^urban\/rural not given and not readable from the code: (.*)$/s, 'reason_urban_rural', (m) => ({ code: m[1]! })],
  [/^unit (.*) contradicts the header (.*)$/s, 'reason_unit_conflict', (m) => ({ unit: m[1]!, header: m[2]! })],
  [
    /^the row has (\d+) or more cells, the header (\d+):/,
    'reason_extra_cells',
    (m) => ({ cells: m[1]!, header: m[2]! }),
  ],
  [/^a quote opened on line (\d+) does not close/, 'reason_unclosed_quote', (m) => ({ line: m[1]! })],
  [/^line (\d+) is not valid JSON at column (\d+)/, 'reason_invalid_json', (m) => ({ line: m[1]!, column: m[2]! })],
  [/^formula without a saved value in (.+?): /s, 'reason_formula', (m) => ({ cells: m[1]! })],
];

/**
 * A quarantined row's column: a file's own header as it is, or the key columns a duplicate names
 * ("community_code, year") in the reader's words: 社区代码、年份, or community code, year.
 */
export function columnName(ui: Ui, column: string | null): string {
  if (!column) return '';
  const parts = column.split(/,\s*/);
  const names = parts.map((k) => term(ui.t, 'field', k));
  if (names.some((n, i) => n === parts[i])) return column;
  return names.join(ui.lang === 'zh' ? '、' : ', ');
}

/** A duplicate's key columns and the places of its rows, in the reader's words. */
function keyAndPlaces(ui: Ui, key: string, places: string): Params {
  const joined = columnName(ui, key);
  const rows = places
    .split('; ')
    .map((p) => {
      const m = /^(.*) row (\d+)$/s.exec(p);
      return m ? ui.t('reason_place_row', { place: m[1]!, row: m[2]! }) : p;
    })
    .join(ui.lang === 'zh' ? '；' : '; ');
  return { key: joined, places: rows };
}

/** The accepted values "service_center (综合服务中心), …": the Chinese names in Chinese, else the values. */
function accepted(ui: Ui, list: string): string {
  const items = list.split(/,\s*(?![^()]*\))/).map((item) => /^(\S+)(?: \((.*)\))?$/.exec(item.trim()));
  return items
    .map((m) => (m ? (ui.lang === 'zh' ? (m[2] ?? m[1]!) : m[1]!) : ''))
    .filter(Boolean)
    .join(ui.lang === 'zh' ? '、' : ', ');
}

/** A rule's name in the reader's language; an id the catalogue lacks is never shown as it is. */
export function ruleName(ui: Ui, rule: string): string {
  const name = term(ui.t, 'rule', rule);
  return name === rule ? ui.t('rule_unnamed') : name;
}

/**
 * A quarantined row's reason in the reader's language: the pipeline's reason (after the column it
 * names, which the row's column field shows) matched to its message, with the values it quotes. A
 * reason of a form not listed is named by its rule, never shown in the pipeline's own words.
 */
export function quarantineReason(ui: Ui, row: Pick<QuarantineRow, 'column_name' | 'rule' | 'reason'>): string {
  const prefix = row.column_name ? `${row.column_name}: ` : '';
  const reason = prefix && row.reason.startsWith(prefix) ? row.reason.slice(prefix.length) : row.reason;
  for (const [pattern, key, params] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return ui.t(key, params(m, ui));
  }
  return ui.t('reason_other', { rule: ruleName(ui, row.rule) });
}

/**
 * A file's note in quality.json in the reader's language: its two forms (load-file.ts) matched to
 * their messages; the status column already says anything else, so an unknown note is not repeated.
 */
export function fileMessage(ui: Ui, message: string | null | undefined): string {
  if (!message) return '';
  if (/^empty file: no header and no rows$/.test(message)) return ui.t('file_message_empty');
  const m = /^sheets without the (\S+) header, not read: (.*)$/s.exec(message);
  if (m) return ui.t('file_message_sheets', { dataset: term(ui.t, 'dataset', m[1]), sheets: m[2]! });
  return '';
}
