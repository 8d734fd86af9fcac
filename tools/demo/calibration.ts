/**
 * The figures the demo inbox is calibrated to, as data. Each carries the seed sentence it comes from;
 * docs/demo.md quotes the same sentences, and tests/demo checks every figure over the generated files.
 */
import type { FacilityType } from './facility-types.ts';
import type { PlaceId } from './places.ts';

/** Seed 000 (铜川, CPPCC inspection, 2019). */
export const TONGCHUAN = {
  year: 2019,
  urban: 72,
  rural: 359,
  serviceCenterCoverage: { urban: 1, rural: 0.88 },
  /** Work and service funds per urban community, yuan a year, from `fundsSince`. */
  urbanWorkFunds: 45_000,
  urbanServiceFunds: 100_000,
  /** Invented: the year the guarantee started, and the amounts before it. */
  fundsSince: 2017,
  urbanWorkFundsBefore: 30_000,
  urbanServiceFundsBefore: 60_000,
  minFullTimeWage: 1_800,
  /** Invented: yearly separation hazard of young graduate hires (流失严重), against 0.30 elsewhere. */
  graduateHazard: 0.35,
  /** Invented: the last year the 1,800 floor was still the going rate. */
  minFullTimeWageUntil: 2020,
  fullTimeHires: { from: 2014, to: 2018, count: 445 },
  modelCommunities: { year: 2018, count: 21, totalYuan: 12_650_000 },
  quotes: {
    counts: '我市现有城镇社区72个,农村社区359个。',
    coverage: '实现城镇社区服务站建设全覆盖,农村社区服务中心建设覆盖率达到88%',
    funds: '确保每个城镇社区4.5万元工作经费和10万元服务群众专项经费',
    wage: '社区工作人员工资待遇普遍偏低,专职人员最低月工资为1800元,招聘的大专院校毕业生在任务重、报酬低、上升空间小的情况下,流失严重。',
    insurance: '很多农村社区“两委”成员没有缴纳“五险一金”',
    industry:
      '城镇社区和农村有产业支撑的社区在基础设施建设、社区环境、老年人照顾、计划生育指导等服务功能方面要优于其他社区,居民的幸福感也更高。',
    hires: '连续5年公开招聘社区专职工作人员445名',
    model: '新建21个省级标准化示范社区,投入1260余万元完善社区服务功能',
    safety: '一些城镇社区由于办公场地限制,建设的居民公共活动场所面积较小且通道狭窄……存在一定安全隐患',
  },
} as const;

/** Seed 003 (旺苍, reply to a CPPCC proposal, March 2017, so figures for 2016). */
export const WANGCANG = {
  year: 2016,
  communities: 40,
  households: 40_727,
  population: 105_890,
  workFunds: 30_000,
  /** Invented: the budget before the increase the seed mentions (与往年比预算虽有增加). */
  workFundsBefore: 25_000,
  /** Invented: work funds of the county's other villages. */
  villageWorkFunds: 20_000,
  elderHomes: 20,
  dayCareCentres: 19,
  /** 农村幸福院 count as elder_home (an inbox alias); the demo puts them in the other villages. */
  happinessHomes: 34,
  quotes: {
    counts:
      '目前,我县已建成城乡社区40个,新建了卢家坝、石龙、白龙、龙凤四个新型农村社区,纳入城乡社区管理的居民总数达40727户、105890人',
    facilities: '在全县40个城乡社区建立了便民服务代办站,建立村(社区)养老院20个、老年人日间照料中心19个、农村幸福院34个',
    funds: '县级财政预算年均每个社区办公经费为30000元',
  },
} as const;

/** Seed 002 (西宁市城东区, May 2016, so figures for 2015). */
export const CHENGDONG = {
  year: 2015,
  population: 378_800,
  groups: 12,
  groupPopulation: { min: 20_000, max: 30_000 },
  /** Invented: the band the demo draws group populations from, inside the seed's, so growth stays in it. */
  groupDraw: { min: 22_000, max: 27_000 },
  quotes: {
    size: '按照“每个社区地域面积2--3平方公里、2-3万人左右、15分钟服务圈”便民服务标准,将7个街道办事处调整划分,重新组建成立12个新型社区。',
    population: '全区总面积114.59平方公里,总人口37.88万人',
    multi: '在一个社区管理服务范围内设置2--3个或多个居委会',
  },
} as const;

/** Seed 001 (仪征, implementing opinions, October 2016). */
export const YIZHENG = {
  year: 2016,
  urbanHouseholds: { min: 2_000, max: 3_000, share: 0.75 },
  serviceArea: { minimum: 400, per100Households: 20, belowShare: 0.25 },
  householdsPerGrid: 500,
  linkedUnits: { units: 2, minimumEach: 20_000, since: 2017 },
  smartPlatform: { year: 2020, share: 0.92 },
  quotes: {
    size: '一个城市社区原则上按照2000-3000户的规模设置',
    area: '每个社区按照每百户不少于20平方米、最低不少于400平方米的标准,建设社区服务中心',
    grid: '按照500户左右为一格的标准,科学合理划分社区网格',
    linked: '由2个与社区工作联系紧密的机关部门挂钩联系1个社区……每个挂钩单位每年经费支持不得低于2万元',
    smart: '社区信息化覆盖率90%以上',
  },
} as const;

/** Seed 004 (忻州, reply of 2022-05-30). */
export const XINZHOU = {
  year: 2022,
  /** Invented: the share of communities whose committees were re-elected in the 2020 pilot. */
  pilotElectionShare: 0.1,
  quotes: {
    wage: '实现社区工作者薪酬标准不低于上年度当地全口径城镇单位就业人员平均工资水平',
    elections: '在行政村和社区2020年试点换届、2021年集中换届过程中',
    insurance: '按规定为社区工作者落实社会保险及住房公积金待遇',
  },
} as const;

/**
 * Service-centre coverage published by the Ministry of Civil Affairs (docs/demo.md; from secondary copies):
 * urban / rural share of communities with a comprehensive service facility.
 */
export const NATIONAL_SERVICE_CENTER_PATH: Readonly<Record<number, { urban: number; rural: number }>> = {
  2015: { urban: 0.82, rural: 0.123 },
  2019: { urban: 0.929, rural: 0.593 },
  2020: { urban: 1, rural: 0.657 },
};

/** Invented: how rural coverage keeps rising after 2020 (the 2021-2025 plan's ≥80% rural target). */
export const RURAL_SERVICE_CENTER_GAIN_AFTER_2020 = 0.03;

/** Published figure (docs/demo.md): about 4.34 million community workers at the end of 2020, 6 to 7 per village-level unit. */
export const WORKERS_PER_COMMUNITY_2020 = { min: 6, max: 7 } as const;

/** A facility target pinned for one place, group and year; other years follow the path by the same offset. */
export interface FacilityAnchor {
  place: PlaceId;
  /** Which communities of the place: by urban/rural, Wangcang's managed 40 or the rest, or all. */
  group: 'urban' | 'rural' | 'managed' | 'other' | 'all';
  type: FacilityType;
  year: number;
  /** Exactly this many present in that year … */
  count?: number;
  /** … or this share of the group (rounded to whole communities). */
  share?: number;
}

export const FACILITY_ANCHORS: readonly FacilityAnchor[] = [
  { place: 'tongchuan', group: 'urban', type: 'service_center', year: TONGCHUAN.year, share: 1 },
  { place: 'tongchuan', group: 'rural', type: 'service_center', year: TONGCHUAN.year, share: 0.88 },
  { place: 'wangcang', group: 'managed', type: 'service_center', year: WANGCANG.year, count: WANGCANG.communities },
  { place: 'wangcang', group: 'managed', type: 'elder_home', year: WANGCANG.year, count: WANGCANG.elderHomes },
  { place: 'wangcang', group: 'managed', type: 'elder_daycare', year: WANGCANG.year, count: WANGCANG.dayCareCentres },
  { place: 'wangcang', group: 'other', type: 'elder_home', year: WANGCANG.year, count: WANGCANG.happinessHomes },
  { place: 'wangcang', group: 'other', type: 'elder_daycare', year: WANGCANG.year, count: 0 },
  {
    place: 'yizheng',
    group: 'all',
    type: 'smart_platform',
    year: YIZHENG.smartPlatform.year,
    share: YIZHENG.smartPlatform.share,
  },
];

/**
 * Community-years whose communities row must stay intact because a calibration test reads it: bad rows
 * that replace or shadow a valid row (a missing household count, a conflicting duplicate) avoid them.
 */
export const PROTECTED_YEARS: Readonly<Record<PlaceId, readonly number[] | 'all'>> = {
  tongchuan: [TONGCHUAN.year],
  wangcang: [WANGCANG.year],
  // The reformed-community sizes are checked every year; Chengdong is small (60 units).
  chengdong: 'all',
  yizheng: [YIZHENG.year],
  xinzhou: [XINZHOU.year - 1, XINZHOU.year],
};
