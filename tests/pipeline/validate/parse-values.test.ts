import { describe, expect, it } from 'vitest';
import { Invalid } from '../../../pipeline/validate/invalid.ts';
import { parseBoolean } from '../../../pipeline/validate/parse-boolean.ts';
import { parseCode } from '../../../pipeline/validate/parse-code.ts';
import { excelSerialToIso, parseDate } from '../../../pipeline/validate/parse-date.ts';
import { enumParser } from '../../../pipeline/validate/parse-enum.ts';
import { parseInteger, parseNumber } from '../../../pipeline/validate/parse-number.ts';

const reason = (v: unknown) => (v instanceof Invalid ? v.reason : v);

describe('parseNumber', () => {
  it('reads plain numbers, thousands separators and full-width digits', () => {
    expect(parseNumber('1234.5')).toBe(1234.5);
    expect(parseNumber('1,234,567.25')).toBe(1234567.25);
    expect(parseNumber('１２３４')).toBe(1234);
    expect(parseNumber('１，２３４．５')).toBe(1234.5);
    expect(parseNumber(' -3 ')).toBe(-3);
    expect(parseNumber(42)).toBe(42);
  });
  it('treats blank as unknown and refuses what is not a number', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(null)).toBeNull();
    expect(reason(parseNumber('abc'))).toBe('not a number: abc');
    expect(reason(parseNumber('1,2'))).toBe('not a number: 1,2');
    expect(parseNumber('12元')).toBeInstanceOf(Invalid);
  });
  it('requires whole numbers where a count is expected', () => {
    expect(parseInteger('3.0')).toBe(3);
    expect(reason(parseInteger('2.5'))).toBe('not a whole number: 2.5');
  });
});

describe('parseBoolean', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['有', true],
    ['无', false],
    ['Y', true],
    ['n', false],
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
    [true, true],
  ])('reads %s as %s', (cell, expected) => expect(parseBoolean(cell)).toBe(expected));
  it('reads blank as unknown and refuses anything else', () => {
    expect(parseBoolean(' ')).toBeNull();
    expect(reason(parseBoolean('也许'))).toBe('not yes/no (是/否): 也许');
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    [45356, '2024-03-05'],
    ['45356', '2024-03-05'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
  ])('reads %s as %s', (cell, expected) => expect(parseDate(cell)).toBe(expected));
  it('converts Excel serial days from the 1899-12-30 epoch', () => {
    expect(excelSerialToIso(1)).toBe('1899-12-31');
    expect(excelSerialToIso(43466)).toBe('2019-01-01');
  });
  it('refuses impossible dates and other text', () => {
    expect(reason(parseDate('2023-02-29'))).toBe('no such date: 2023-2-29');
    expect(parseDate('March 5')).toBeInstanceOf(Invalid);
  });
});

describe('parseCode', () => {
  it('keeps codes as text and reads numeric cells back as their digits', () => {
    expect(parseCode('610202005002', 12)).toBe('610202005002');
    expect(parseCode(610202005002, 12)).toBe('610202005002');
    expect(parseCode('610202005002.0', 12)).toBe('610202005002');
    expect(parseCode(' ６１０２０２ ', 6)).toBe('610202');
  });
  it('names the length when a code has the wrong number of digits', () => {
    expect(reason(parseCode('61020200500', 12))).toBe('code must have 12 digits, has 11: 61020200500');
    expect(reason(parseCode('6102-02', 6))).toBe('not a 6-digit code: 6102-02');
  });
});

describe('enumParser', () => {
  const parse = enumParser({ urban: ['城镇', '城市'], rural: ['农村'] });
  it('maps canonical values and aliases, ignoring case and spaces', () => {
    expect(parse('城镇')).toBe('urban');
    expect(parse(' URBAN ')).toBe('urban');
    expect(parse('农村')).toBe('rural');
  });
  it('lists the accepted values when it refuses one', () => {
    expect(reason(parse('郊区'))).toBe('unknown value: 郊区 (accepted: urban (城镇), rural (农村))');
  });
});
