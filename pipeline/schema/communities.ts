import { communityCode, year, type DatasetSpec } from './column.ts';

/** communities: one row per community per year (docs/inbox.md). */
export const communities: DatasetSpec = {
  name: 'communities',
  key: ['community_code', 'year'],
  columns: [
    communityCode,
    year,
    { name: 'name', aliases: ['社区名称', '名称', '村(居)名称'], type: { kind: 'text' }, required: false },
    {
      name: 'urban_rural',
      aliases: ['城乡类型', '城乡'],
      type: { kind: 'enum', values: { urban: ['城镇', '城市', '城'], rural: ['农村', '乡村', '乡'] } },
      required: false,
    },
    {
      name: 'has_industry',
      aliases: ['产业支撑', '有无产业支撑', '是否有产业支撑'],
      type: { kind: 'boolean' },
      required: false,
    },
    { name: 'industry_type', aliases: ['产业类型'], type: { kind: 'text' }, required: false },
    {
      name: 'households',
      aliases: ['户数', '总户数'],
      type: { kind: 'integer', min: 0 },
      required: true,
      units: { 户: 1 },
    },
    {
      name: 'population',
      aliases: ['人口', '常住人口', '户籍人口'],
      type: { kind: 'integer', min: 0 },
      required: true,
      units: { 人: 1 },
    },
    {
      name: 'area_km2',
      aliases: ['面积', '辖区面积'],
      type: { kind: 'number', min: 0 },
      required: false,
      units: { 平方公里: 1, km2: 1, 平方千米: 1, 公顷: 0.01, 平方米: 1e-6, m2: 1e-6 },
    },
    { name: 'grids', aliases: ['网格数'], type: { kind: 'integer', min: 0 }, required: false, units: { 个: 1 } },
    {
      name: 'satisfaction',
      aliases: ['居民满意度', '满意度'],
      type: { kind: 'number', min: 0, max: 100 },
      required: false,
      units: { '%': 1, 分: 1 },
    },
  ],
};
