import { describe, expect, it } from 'vitest';
import { formatDay, dayOf, partsOfDay } from '../../tools/demo/dates.ts';
import { withThousands, yuanToWan } from '../../tools/demo/render.ts';
import { csvField, csvText } from '../../tools/demo/writers/csv.ts';

describe('amounts as bureaus write them', () => {
  it('turns whole yuan into exact 万元 text', () => {
    expect(yuanToWan(45_000)).toBe('4.5');
    expect(yuanToWan(100_000)).toBe('10');
    expect(yuanToWan(123_456)).toBe('12.3456');
    expect(yuanToWan(900)).toBe('0.09');
    expect(yuanToWan(-3_000)).toBe('-0.3');
  });

  it('writes thousands separators', () => {
    expect(withThousands(45_000)).toBe('45,000');
    expect(withThousands(1_234_567)).toBe('1,234,567');
    expect(withThousands(999)).toBe('999');
    expect(withThousands(-12_000)).toBe('-12,000');
  });
});

describe('dates as bureaus write them', () => {
  it('writes 2024-03-05, 2024/3/5 and 2024年3月5日', () => {
    const day = dayOf(2024, 3, 5);
    expect(formatDay(day, 'iso')).toBe('2024-03-05');
    expect(formatDay(day, 'slash')).toBe('2024/3/5');
    expect(formatDay(day, 'chinese')).toBe('2024年3月5日');
  });

  it('converts day numbers to calendar dates as Date does', () => {
    for (let d = -25_000; d < 40_000; d += 7) {
      const date = new Date(d * 86_400_000);
      expect(partsOfDay(d)).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
    }
  });
});

describe('CSV text', () => {
  it('quotes fields holding commas, quotes or line breaks', () => {
    expect(csvField('45,000')).toBe('"45,000"');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });

  it('ends every line with the chosen line break', () => {
    expect(csvText(['a', 'b'], [['1', null]], true)).toBe('a,b\r\n1,\r\n');
    expect(csvText(['a'], [['1']], false)).toBe('a\n1\n');
  });
});
