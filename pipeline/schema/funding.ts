import { communityCode, MONEY_UNITS, year, type DatasetSpec } from './column.ts';

/** Funding sources and their aliases (docs/inbox.md). */
export const FUNDING_SOURCES = {
  county: ['县级财政', '县财政'],
  city: ['市级财政', '市财政'],
  province_central: ['中省项目', '省级', '中央', '省级财政', '中央财政'],
  linked_units: ['挂钩单位', '驻区单位', '共建单位'],
  collective: ['集体经济', '自筹'],
  donation: ['社会捐助', '捐助'],
  other: ['其他'],
} as const;

/** Funding categories and their aliases (docs/inbox.md). */
export const FUNDING_CATEGORIES = {
  work: ['工作经费', '办公经费'],
  service: ['服务群众专项经费', '服务经费'],
  construction: ['基础设施建设', '建设经费'],
  staff_pay: ['人员报酬', '人员经费'],
  other: ['其他'],
} as const;

/** funding: one row per community, year, source and category (docs/inbox.md). Amounts are stored in yuan. */
export const funding: DatasetSpec = {
  name: 'funding',
  key: ['community_code', 'year', 'source', 'category'],
  columns: [
    communityCode,
    year,
    { name: 'source', aliases: ['资金来源', '来源'], type: { kind: 'enum', values: FUNDING_SOURCES }, required: true },
    {
      name: 'category',
      aliases: ['资金类别', '用途'],
      type: { kind: 'enum', values: FUNDING_CATEGORIES },
      required: true,
    },
    {
      name: 'amount',
      aliases: ['金额'],
      type: { kind: 'number', min: 0, money: true },
      required: true,
      units: MONEY_UNITS,
    },
    {
      name: 'unit',
      aliases: ['单位'],
      type: { kind: 'enum', values: { 元: ['yuan'], 万元: ['10k yuan'] } },
      required: false,
    },
  ],
};
