/** The eight facility types of the inbox (docs/inbox.md), in the order bureaus' forms list them. */
export const FACILITY_TYPES = [
  'service_center',
  'elder_daycare',
  'elder_home',
  'health_room',
  'culture_room',
  'library',
  'fitness',
  'smart_platform',
] as const;

/** A facility type id (docs/inbox.md). */
export type FacilityType = (typeof FACILITY_TYPES)[number];

/**
 * The Chinese name a form uses for each type, as [urban, rural] label per house style. All are documented
 * aliases; which one a county uses varies, as it does between real bureaus.
 */
export const FACILITY_LABELS: Readonly<Record<FacilityType, readonly (readonly [string, string])[]>> = {
  service_center: [
    ['社区服务中心', '综合服务中心'],
    ['党群服务中心', '党群服务中心'],
    ['社区服务站', '便民服务中心'],
  ],
  elder_daycare: [
    ['老年人日间照料中心', '老年人日间照料中心'],
    ['日间照料中心', '日间照料中心'],
  ],
  elder_home: [
    ['养老院', '农村幸福院'],
    ['养老院', '敬老院'],
  ],
  health_room: [
    ['卫生服务站', '卫生室'],
    ['卫生室', '卫生室'],
  ],
  culture_room: [
    ['文化活动室', '文化活动室'],
    ['文化室', '文化室'],
  ],
  library: [
    ['图书室', '农家书屋'],
    ['图书室', '图书室'],
  ],
  fitness: [
    ['健身场地', '健身场地'],
    ['体育健身设施', '体育健身设施'],
  ],
  smart_platform: [
    ['智慧社区平台', '信息服务平台'],
    ['信息服务平台', '信息服务平台'],
  ],
};

/** Facility names that are not among the inbox's types: the demo's bad rows use them. */
export const UNKNOWN_FACILITY_LABELS = ['公共厕所', '快递驿站', '停车场', '垃圾分类站'] as const;
