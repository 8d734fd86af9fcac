import { communityCode, year, type DatasetSpec } from './column.ts';

/** The eight facility types and their aliases (docs/inbox.md). */
export const FACILITY_TYPES = {
  service_center: ['综合服务中心', '社区服务中心', '社区服务站', '党群服务中心', '便民服务中心', '社区综合服务中心'],
  elder_daycare: ['老年人日间照料中心', '日间照料中心'],
  elder_home: ['养老院', '敬老院', '农村幸福院'],
  health_room: ['卫生室', '卫生服务站'],
  culture_room: ['文化活动室', '文化室'],
  library: ['图书室', '农家书屋'],
  fitness: ['健身场地', '体育健身设施'],
  smart_platform: ['智慧社区平台', '信息服务平台'],
} as const;

/** A facility type id. */
export type FacilityType = keyof typeof FACILITY_TYPES;

/** facilities: one row per community, year and facility type (docs/inbox.md). */
export const facilities: DatasetSpec = {
  name: 'facilities',
  key: ['community_code', 'year', 'facility_type'],
  columns: [
    communityCode,
    year,
    { name: 'facility_type', aliases: ['设施类型'], type: { kind: 'enum', values: FACILITY_TYPES }, required: true },
    { name: 'present', aliases: ['是否具备', '有无', '是否建成'], type: { kind: 'boolean' }, required: true },
    {
      name: 'floor_area_m2',
      aliases: ['建筑面积', '使用面积', '面积'],
      type: { kind: 'number', min: 0 },
      required: false,
      units: { 平方米: 1, m2: 1 },
    },
    { name: 'safety_issue', aliases: ['安全隐患'], type: { kind: 'boolean' }, required: false },
  ],
};
