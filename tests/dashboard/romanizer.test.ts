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
    // At national scale these read “Guangxizhuangzu Autonomous Region” and “Xinjiangweiwu'er …”.
    expect(r.name('广西壮族自治区')).toBe('Guangxi Zhuang Autonomous Region');
    expect(r.name('宁夏回族自治区')).toBe('Ningxia Hui Autonomous Region');
    expect(r.name('新疆维吾尔自治区')).toBe('Xinjiang Uygur Autonomous Region');
    expect(r.name('内蒙古自治区')).toBe('Inner Mongolia Autonomous Region');
    expect(r.name('西藏自治区')).toBe('Xizang Autonomous Region');
  });

  it('finds a name by its pinyin, with or without spaces, or by its initials', () => {
    expect(r.matches('王益区', 'wangyi')).toBe(true);
    expect(r.matches('王益区', 'Wang Yi')).toBe(true);
    expect(r.matches('王益区', 'wyq')).toBe(true);
    expect(r.matches('耀州区', 'wangyi')).toBe(false);
    expect(r.matches('王益区', '王益')).toBe(false);
  });
});
