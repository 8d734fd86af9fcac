/**
 * Renders records as the tables a county bureau sends: Chinese headers and labels (documented inbox aliases
 * only), in the county's house style.
 */
import { dateOfDay, formatDay, type DateForm } from './dates.ts';
import { FACILITY_LABELS } from './facility-types.ts';
import type { FundingCategory, FundingRow, FundingSource } from './funding.ts';
import type { HouseStyle } from './house-style.ts';
import { rngFor } from './random.ts';
import type { CommunityRecord, FacilityRecord } from './records.ts';
import type { Posting, Role } from './staff.ts';
import type { WageRow } from './wages.ts';

/** A cell: text, number, date (XLSX only) or empty. */
export type Cell = string | number | Date | null;

/** A header and rows, ready for a CSV or XLSX writer. */
export interface Table {
  header: string[];
  rows: Cell[][];
}

const COMMUNITY_HEADERS = [
  [
    '统计用区划代码',
    '年份',
    '社区名称',
    '城乡类型',
    '产业支撑',
    '产业类型',
    '户数',
    '常住人口',
    '辖区面积',
    '网格数',
    '居民满意度',
  ],
  [
    '社区代码',
    '年度',
    '名称',
    '城乡',
    '有无产业支撑',
    '产业类型',
    '总户数',
    '户籍人口',
    '辖区面积(平方公里)',
    '网格数',
    '满意度',
  ],
  [
    '区划代码',
    '年份',
    '社区名称',
    '城乡类型',
    '是否有产业支撑',
    '产业类型',
    '户数',
    '人口',
    '辖区面积',
    '网格数',
    '居民满意度',
  ],
] as const;

const FACILITY_HEADERS = [
  ['统计用区划代码', '年份', '设施类型', '是否具备', '建筑面积', '安全隐患'],
  ['区划代码', '年度', '设施类型', '是否建成', '面积(平方米)', '安全隐患'],
  ['社区代码', '年份', '设施类型', '有无', '使用面积'],
] as const;

const STAFF_HEADERS = [
  ['人员编号', '社区代码', '岗位', '入职日期', '离职日期', '离职原因', '月工资', '五险一金', '学历', '出生年份'],
  ['工号', '统计用区划代码', '职务', '到岗日期', '离职日期', '离职原因', '月薪', '社保', '学历', '出生年份'],
] as const;

const ROLE_LABELS: Readonly<Record<Role, readonly [string, string]>> = {
  secretary: ['书记', '书记'],
  director: ['主任', '主任'],
  committee: ['两委委员', '两委委员'],
  full_time: ['专职工作者', '专职人员'],
  grid: ['网格员', '网格员'],
};

const SOURCE_LABELS: Readonly<Record<FundingSource, readonly [string, string]>> = {
  county: ['县级财政', '县级财政'],
  city: ['市级财政', '市级财政'],
  province_central: ['中省项目', '省级'],
  linked_units: ['挂钩单位', '共建单位'],
  collective: ['集体经济', '自筹'],
  donation: ['社会捐助', '社会捐助'],
  other: ['其他', '其他'],
};

const CATEGORY_LABELS: Readonly<Record<FundingCategory, readonly [string, string]>> = {
  work: ['工作经费', '办公经费'],
  service: ['服务群众专项经费', '服务群众专项经费'],
  construction: ['基础设施建设', '基础设施建设'],
  staff_pay: ['人员报酬', '人员报酬'],
  other: ['其他', '其他'],
};

const DATE_FORMS: readonly DateForm[] = ['iso', 'slash', 'chinese'];

/** A code cell: text, or a number where the county's spreadsheet typed codes as numbers. */
function codeCell(code: string, style: HouseStyle, xlsx: boolean): Cell {
  return xlsx && style.codeAsNumber ? Number(code) : code;
}

function yesNo(value: boolean | null, style: HouseStyle): Cell {
  return value === null ? null : style.yesNo[value ? 0 : 1];
}

/** The communities table. Header variant 1 has a 城乡 column only when the county writes one. */
export function renderCommunities(rows: readonly CommunityRecord[], style: HouseStyle, xlsx: boolean): Table {
  const header: string[] = [...COMMUNITY_HEADERS[style.headerVariant]];
  const labels = style.urbanRuralLabels;
  if (!labels) header.splice(3, 1);
  return {
    header,
    rows: rows.map((r) => {
      const cells: Cell[] = [
        codeCell(r.code, style, xlsx),
        r.year,
        r.name,
        r.hasIndustry === null ? null : yesNo(r.hasIndustry, style),
        r.industryType || null,
        r.households,
        r.population,
        r.areaKm2,
        r.grids,
        r.satisfaction,
      ];
      if (labels) cells.splice(3, 0, labels[r.urbanRural === 'urban' ? 0 : 1]);
      return cells;
    }),
  };
}

/** The facilities table. Header variant 2 has no safety column. */
export function renderFacilities(rows: readonly FacilityRecord[], style: HouseStyle, xlsx: boolean): Table {
  const header: string[] = [...FACILITY_HEADERS[style.headerVariant]];
  const withSafety = header.length === 6;
  return {
    header,
    rows: rows.map((r) => {
      const labels = r.type ? FACILITY_LABELS[r.type] : undefined;
      const label = labels ? labels[style.labelVariant % labels.length]![r.urbanRural === 'urban' ? 0 : 1] : r.label;
      const cells: Cell[] = [codeCell(r.code, style, xlsx), r.year, label, yesNo(r.present, style), r.floorArea];
      if (withSafety) cells.push(yesNo(r.safetyIssue, style));
      return cells;
    }),
  };
}

/** The staff roster. XLSX gets date cells; CSV the county's date form, or a mix of all three. */
export function renderStaff(rows: readonly Posting[], style: HouseStyle, xlsx: boolean, seed: number): Table {
  const date = (day: number | null, workerId: string): Cell => {
    if (day === null) return null;
    if (xlsx) return dateOfDay(day);
    const form = style.dateForm === 'mixed' ? rngFor(seed, 'date-form', workerId).pick(DATE_FORMS) : style.dateForm;
    return formatDay(day, form);
  };
  return {
    header: [...STAFF_HEADERS[style.headerVariant % 2]!],
    rows: rows.map((p) => [
      p.workerId,
      codeCell(p.code, style, xlsx),
      ROLE_LABELS[p.role][style.labelVariant],
      date(p.hiredOn, p.workerId),
      date(p.leftOn, p.workerId),
      p.leaveReason || null,
      p.monthlyWage,
      yesNo(p.insured, style),
      p.education,
      p.birthYear,
    ]),
  };
}

/** Whole yuan as 万元 text, exact: 45000 → "4.5", 123456 → "12.3456". */
export function yuanToWan(yuan: number): string {
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);
  const whole = Math.floor(abs / 10_000);
  const frac = String(abs % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** Whole yuan with thousands separators: 100000 → "100,000". */
export function withThousands(yuan: number): string {
  const sign = yuan < 0 ? '-' : '';
  return sign + String(Math.abs(yuan)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The funding table, with the community's name beside the code as bureaus do (an extra column the
 * pipeline reports and sets aside). Amounts: yuan, 万元 under a `金额(万元)` header, or per row with a
 * 单位 column (万元 for amounts from 100,000 yuan).
 */
export function renderFunding(rows: readonly FundingRow[], style: HouseStyle, nameOf: (code: string) => string): Table {
  const v = style.headerVariant % 2;
  const header = [
    v ? '区划代码' : '统计用区划代码',
    '社区名称',
    v ? '年度' : '年份',
    '资金来源',
    v ? '用途' : '资金类别',
  ];
  header.push(style.fundingUnit === 'wan' ? '金额(万元)' : '金额');
  if (style.fundingUnit === 'unit-column') header.push('单位');
  if (style.remarks) header.push('备注');
  return {
    header,
    rows: rows.map((r) => {
      const cells: Cell[] = [
        r.code,
        nameOf(r.code),
        r.year,
        SOURCE_LABELS[r.source][style.labelVariant],
        CATEGORY_LABELS[r.category][style.labelVariant],
      ];
      if (style.fundingUnit === 'wan') cells.push(yuanToWan(r.amount));
      else if (style.fundingUnit === 'unit-column') {
        const wan = Math.abs(r.amount) >= 100_000;
        cells.push(wan ? yuanToWan(r.amount) : String(r.amount), wan ? '万元' : '元');
      } else cells.push(style.thousands ? withThousands(r.amount) : String(r.amount));
      if (style.remarks) cells.push(r.remark || null);
      return cells;
    }),
  };
}

/** The wages table (docs/inbox.md: 县级代码, 年份, 城镇非私营单位在岗职工年平均工资). */
export function renderWages(rows: readonly WageRow[]): Table {
  return {
    header: ['县级代码', '年份', '城镇非私营单位在岗职工年平均工资'],
    rows: rows.map((r) => [r.countyCode, r.year, r.avgAnnualWage]),
  };
}
