import { MONEY_UNITS, year, type DatasetSpec } from './column.ts';

/** wages: the county reference wage, yuan a year (docs/inbox.md). */
export const wages: DatasetSpec = {
  name: 'wages',
  key: ['county_code', 'year'],
  columns: [
    {
      name: 'county_code',
      aliases: ['县级代码', '县代码', '区县代码'],
      type: { kind: 'code', digits: 6 },
      required: true,
    },
    year,
    {
      name: 'avg_annual_wage',
      aliases: ['城镇非私营单位在岗职工年平均工资', '年平均工资', '平均工资'],
      type: { kind: 'number', min: 0, money: true },
      required: true,
      units: MONEY_UNITS,
    },
  ],
};
