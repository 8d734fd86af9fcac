import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { romanizer } from '../../dashboard/i18n/romanizer.ts';

const r = romanizer(pinyin);

describe('romanizer', () => {
  it('labels places in pinyin with their level in English', () => {
    expect(r.name('王益区')).toBe('Wangyi District');
    expect(r.name('长安区')).toBe("Chang'an District");
    expect(r.name('七一路街道')).toBe('Qiyilu Subdistrict');
    expect(r.name('王家砭村委会')).toBe('Wangjiabian Village');
    expect(r.name('陕西省')).toBe('Shaanxi Province');
  });

  it('finds a name by its pinyin, with or without spaces, or by its initials', () => {
    expect(r.matches('王益区', 'wangyi')).toBe(true);
    expect(r.matches('王益区', 'Wang Yi')).toBe(true);
    expect(r.matches('王益区', 'wyq')).toBe(true);
    expect(r.matches('耀州区', 'wangyi')).toBe(false);
    expect(r.matches('王益区', '王益')).toBe(false);
  });
});
