import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../contract/published-types.ts';
import { fileMessage, quarantineReason, ruleName } from '../../dashboard/i18n/quarantine-reason.ts';
import { makeUi } from '../../dashboard/i18n/ui.ts';
import { Invalid } from '../../pipeline/validate/invalid.ts';
import { parseBoolean } from '../../pipeline/validate/parse-boolean.ts';
import { parseCode } from '../../pipeline/validate/parse-code.ts';
import { parseDate } from '../../pipeline/validate/parse-date.ts';
import { enumParser } from '../../pipeline/validate/parse-enum.ts';
import { parseInteger, parseNumber } from '../../pipeline/validate/parse-number.ts';
import { widthProblem } from '../../pipeline/validate/width-problem.ts';
import { FACILITY_TYPES } from '../../pipeline/schema/facilities.ts';

const manifest: Pick<Manifest, 'indicators'> = { indicators: [] };
const zh = makeUi('zh', manifest);
const en = makeUi('en', manifest);

/** A reason as the pipeline writes it: from its own parsers where it has them, else its fixed wording. */
const invalid = (parsed: unknown): { rule: string; reason: string } => {
  if (!(parsed instanceof Invalid)) throw new Error(`not a reason: ${String(parsed)}`);
  return { rule: parsed.rule, reason: parsed.reason };
};
const REASONS: { rule: string; reason: string; column?: string }[] = [
  invalid(parseCode('1409020', 12)),
  invalid(parseCode('61020A', 6)),
  invalid(parseNumber('十二')),
  invalid(parseInteger('2.5')),
  invalid(parseBoolean('也许')),
  invalid(parseDate('2024-02-30')),
  invalid(parseDate('2019')),
  invalid(parseDate('昨天')),
  invalid(enumParser(FACILITY_TYPES)('公共厕所')),
  widthProblem(['a', 'b'], ['1', '2', '3'])!,
  { rule: 'negative', reason: 'must be at least 0: -5' },
  { rule: 'out_of_range', reason: 'must be at most 100: 120' },
  { rule: 'future_year', reason: 'year in the future: 2031' },
  { rule: 'out_of_range', reason: 'year out of range: 1900' },
  { rule: 'future_date', reason: 'date in the future: 2031-01-01' },
  { rule: 'left_before_hired', reason: 'left before hired: left 2019-01-01, hired 2020-01-01' },
  { rule: 'left_before_hired', reason: 'left before hired' },
  { rule: 'missing_value', reason: 'missing value' },
  { rule: 'missing_value', reason: 'missing value: required when a service centre is present' },
  { rule: 'unknown_county', reason: 'unknown county: 140999 (code 140999002009)' },
  {
    rule: 'not_in_registry',
    reason: 'community not in the registry and not named in any communities row: 610202999001',
  },
  {
    rule: 'conflicting_duplicate',
    reason:
      'conflicting rows for the same community_code, year: communities/a.xlsx [社区基本情况] row 3; communities/a.xlsx [社区基本情况] row 9',
  },
  {
    rule: 'identical_duplicate',
    reason: 'identical rows for the same community_code, year, kept once: communities/b.csv row 4',
  },
  { rule: 'urban_rural_unknown', reason: 'urban/rural not given and not readable from the code: 610202001001' },
  { rule: 'unit_conflict', reason: 'unit 元 contradicts the header 金额(万元)' },
  {
    rule: 'unclosed_quote',
    reason:
      'a quote opened on line 7 does not close where its cell ends, so the lines after it would run into one cell: close or remove the quote',
  },
  { rule: 'invalid_json', reason: 'line 3 is not valid JSON at column 14: Unexpected token' },
  {
    rule: 'formula_without_value',
    reason:
      'formula without a saved value in E4, F4: the workbook was saved without calculating; open it in Excel or WPS, let it calculate, save it and send it again',
  },
];

// Latin words a Chinese reason may quote: file names and formats, the values of the row, JSON/Excel/WPS.
const QUOTED = /communities\/[\w./]+|\b(?:xlsx|csv|JSON|Excel|WPS)\b/g;

describe('quarantine reasons in the reader’s language', () => {
  it('words every reason the pipeline writes in Chinese, with no English and no rule id', () => {
    for (const r of REASONS) {
      const text = quarantineReason(zh, { column_name: '金额', ...r, reason: `金额: ${r.reason}` });
      expect(text, r.reason).not.toMatch(/^其他问题/);
      expect(text.replace(QUOTED, ''), r.reason).not.toMatch(/[A-Za-z]{2,}/);
      expect(text, r.reason).not.toContain(r.rule);
    }
  });

  it('keeps the values the reason quotes', () => {
    const text = (r: { rule: string; reason: string }) => quarantineReason(zh, { column_name: null, ...r });
    expect(text(REASONS[0]!)).toBe('代码应为 12 位，实为 7 位：1409020');
    expect(text(REASONS[8]!)).toMatch(/^不在规定取值中：公共厕所（可填：综合服务中心、/);
    expect(text(REASONS[21]!)).toBe(
      '同一社区代码、年份有多行且内容不一致：communities/a.xlsx [社区基本情况] 第 3 行；communities/a.xlsx [社区基本情况] 第 9 行',
    );
  });

  it('words them in English too, with no Chinese UI words', () => {
    for (const r of REASONS) {
      const text = quarantineReason(en, { column_name: null, ...r });
      expect(text, r.reason).not.toMatch(/^other problem/);
      expect(text, r.reason).not.toContain(r.rule);
    }
    expect(quarantineReason(en, { column_name: null, ...REASONS[8]! })).toMatch(
      /accepted: service_center, elder_daycare/,
    );
  });

  it('names an unknown rule or reason without its id or the pipeline’s words', () => {
    const text = quarantineReason(zh, { column_name: null, rule: 'brand_new_rule', reason: 'something new: 42' });
    expect(text).toBe('其他问题：其他规则');
    expect(ruleName(zh, 'bad_code')).toBe('代码格式错误');
    expect(ruleName(en, 'brand_new_rule')).toBe('another rule');
  });

  it('words the files’ notes', () => {
    expect(fileMessage(zh, 'empty file: no header and no rows')).toBe('空文件：没有表头也没有数据行');
    expect(fileMessage(zh, 'sheets without the facilities header, not read: 说明, Sheet2')).toBe(
      '以下工作表没有设施表头，未读取：说明, Sheet2',
    );
  });
});
