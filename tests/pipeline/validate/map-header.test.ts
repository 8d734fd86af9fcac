import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../../pipeline/validate/map-header.ts';
import { communities } from '../../../pipeline/schema/communities.ts';
import { funding } from '../../../pipeline/schema/funding.ts';

describe('mapHeader', () => {
  it('matches English names case- and space-insensitively and Chinese aliases', () => {
    const m = mapHeader(communities, ['Community Code', 'YEAR', '户数', '常住人口', '备注']);
    expect(m.columns.map((c) => [c.spec.name, c.index])).toEqual([
      ['community_code', 0],
      ['year', 1],
      ['households', 2],
      ['population', 3],
    ]);
    expect(m.missing).toEqual([]);
    expect(m.extras).toEqual([{ index: 4, header: '备注' }]);
  });
  it('reads a unit in the header as a factor, full-width brackets included', () => {
    const m = mapHeader(funding, ['社区代码', '年份', '资金来源', '资金类别', '金额（万元）']);
    const amount = m.columns.find((c) => c.spec.name === 'amount');
    expect(amount).toMatchObject({ factor: 10_000, unit: '万元', header: '金额（万元）' });
  });
  it('refuses a unit it does not know instead of guessing a factor', () => {
    const m = mapHeader(funding, ['社区代码', '年份', '资金来源', '资金类别', '金额(千元)']);
    expect(m.problems).toEqual(['unknown unit in header: 金额(千元) (accepted: 元, yuan, 万元)']);
    expect(m.missing.map((c) => c.name)).toEqual(['amount']);
  });
  it('names the required columns that are missing', () => {
    const m = mapHeader(communities, ['社区代码', '年份', '人口']);
    expect(m.missing.map((c) => c.name)).toEqual(['households']);
  });
  it('refuses two headers that mean the same column', () => {
    const m = mapHeader(communities, ['社区代码', '区划代码', '年份', '户数', '人口']);
    expect(m.problems).toEqual(['two columns mean community_code: 社区代码, 区划代码']);
  });
});
