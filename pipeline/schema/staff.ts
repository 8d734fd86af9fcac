import { communityCode, type DatasetSpec } from './column.ts';

/** Roles of community workers and their aliases (docs/inbox.md). */
export const ROLES = {
  secretary: ['书记', '党组织书记', '支部书记'],
  director: ['主任', '居委会主任', '村委会主任'],
  committee: ['两委委员', '委员', '两委成员'],
  full_time: ['专职工作者', '专职人员', '社区专职工作者', '专职社区工作者'],
  grid: ['网格员', '网格管理员'],
} as const;

/** staff: the roster, one row per worker and posting (docs/inbox.md). worker_id is personal data. */
export const staff: DatasetSpec = {
  name: 'staff',
  key: ['worker_id', 'community_code', 'hired_on'],
  columns: [
    { name: 'worker_id', aliases: ['人员编号', '工号'], type: { kind: 'text' }, required: true, personal: true },
    communityCode,
    { name: 'role', aliases: ['岗位', '职务'], type: { kind: 'enum', values: ROLES }, required: true },
    { name: 'hired_on', aliases: ['入职日期', '到岗日期'], type: { kind: 'date' }, required: true },
    { name: 'left_on', aliases: ['离职日期'], type: { kind: 'date' }, required: false },
    { name: 'leave_reason', aliases: ['离职原因'], type: { kind: 'text' }, required: false },
    {
      name: 'monthly_wage',
      aliases: ['月工资', '月薪'],
      type: { kind: 'number', min: 0 },
      required: false,
      units: { 元: 1, '元/月': 1 },
    },
    { name: 'social_insurance', aliases: ['五险一金', '社保'], type: { kind: 'boolean' }, required: false },
    { name: 'education', aliases: ['学历'], type: { kind: 'text' }, required: false },
    { name: 'birth_year', aliases: ['出生年份'], type: { kind: 'integer', min: 1900 }, required: false },
  ],
};
