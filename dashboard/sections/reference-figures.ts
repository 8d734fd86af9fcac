// Figures quoted on the methodology page, each with the local-government report it comes from; the
// national points are secondary copies of Ministry of Civil Affairs releases.
import type { SourceId } from '../../contract/sources.ts';

/** One figure from a source report. */
export interface SourceFigure {
  source: SourceId;
  place: { zh: string; en: string };
  year: number;
  zh: string;
  en: string;
}

/** The source reports' figures, each with the report it comes from. */
export const SOURCE_FIGURES: readonly SourceFigure[] = [
  {
    source: 'tongchuan_2019',
    place: { zh: '铜川市', en: 'Tongchuan' },
    year: 2019,
    zh: '城镇社区72个，农村社区359个',
    en: '72 urban and 359 rural communities',
  },
  {
    source: 'tongchuan_2019',
    place: { zh: '铜川市', en: 'Tongchuan' },
    year: 2019,
    zh: '城镇社区服务站建设全覆盖，农村社区服务中心建设覆盖率达到88%',
    en: 'Every urban community has a service station; 88% of rural communities have a service centre',
  },
  {
    source: 'tongchuan_2019',
    place: { zh: '铜川市', en: 'Tongchuan' },
    year: 2019,
    zh: '确保每个城镇社区4.5万元工作经费和10万元服务群众专项经费',
    en: 'Each urban community is assured 45,000 yuan of work funds and 100,000 yuan of service funds',
  },
  {
    source: 'tongchuan_2019',
    place: { zh: '铜川市', en: 'Tongchuan' },
    year: 2019,
    zh: '连续5年公开招聘社区专职工作人员445名；专职人员最低月工资为1800元，流失严重',
    en: '445 full-time workers recruited over 5 years; the lowest monthly wage is 1,800 yuan, and turnover is severe',
  },
  {
    source: 'tongchuan_2019',
    place: { zh: '铜川市', en: 'Tongchuan' },
    year: 2019,
    zh: '很多农村社区“两委”成员没有缴纳“五险一金”',
    en: 'Many rural committee members have no social insurance (五险一金)',
  },
  {
    source: 'tongchuan_2019',
    place: { zh: '铜川市', en: 'Tongchuan' },
    year: 2019,
    zh: '城镇社区与农村社区发展不平衡，农村有产业支撑的社区与没有产业支撑的社区发展也不平衡',
    en: 'Urban and rural communities develop unevenly, and so do rural communities with and without industry support',
  },
  {
    source: 'yizheng_2016',
    place: { zh: '仪征市', en: 'Yizheng' },
    year: 2016,
    zh: '一个城市社区原则上按照2000–3000户的规模设置（第5条）',
    en: 'An urban community is set at 2,000–3,000 households (art. 5)',
  },
  {
    source: 'yizheng_2016',
    place: { zh: '仪征市', en: 'Yizheng' },
    year: 2016,
    zh: '按照500户左右为一格的标准划分社区网格（第6条）',
    en: 'Grids of about 500 households (art. 6)',
  },
  {
    source: 'yizheng_2016',
    place: { zh: '仪征市', en: 'Yizheng' },
    year: 2016,
    zh: '社区服务中心每百户不少于20平方米、最低不少于400平方米（第7条）',
    en: 'A service centre of at least 20 m² per 100 households and never under 400 m² (art. 7)',
  },
  {
    source: 'chengdong_2016',
    place: { zh: '西宁市城东区', en: 'Chengdong, Xining' },
    year: 2016,
    zh: '撤销7个街道办事处，组建12个新型社区，每个社区2–3平方公里、2–3万人',
    en: '7 sub-district offices replaced by 12 new communities of 2–3 km² and 20,000–30,000 people each',
  },
  {
    source: 'wangcang_2017',
    place: { zh: '旺苍县', en: 'Wangcang' },
    year: 2017,
    zh: '城乡社区40个，居民40727户、105890人',
    en: '40 communities with 40,727 households and 105,890 people',
  },
  {
    source: 'wangcang_2017',
    place: { zh: '旺苍县', en: 'Wangcang' },
    year: 2017,
    zh: '县级财政预算年均每个社区办公经费为30000元，仍不能保证基本开支',
    en: 'The county budget gives each community 30,000 yuan a year for office costs, short of basic needs',
  },
  {
    source: 'wangcang_2017',
    place: { zh: '旺苍县', en: 'Wangcang' },
    year: 2017,
    zh: '建立村（社区）养老院20个、老年人日间照料中心19个、农村幸福院34个',
    en: '20 elder homes, 19 day-care centres and 34 rural happiness homes',
  },
  {
    source: 'xinzhou_2022',
    place: { zh: '忻州市', en: 'Xinzhou' },
    year: 2022,
    zh: '社区工作者薪酬标准不低于上年度当地全口径城镇单位就业人员平均工资',
    en: "Community workers' pay not below last year's local average wage of urban employees",
  },
  {
    source: 'xinzhou_2022',
    place: { zh: '忻州市', en: 'Xinzhou' },
    year: 2022,
    zh: '建立“三岗十八级”薪酬体系；居委会履行职责清单23项、协助政府工作事项清单39项',
    en: "A pay scale of three posts and eighteen grades; 23 duties of residents' committees and 39 tasks they assist government with",
  },
];

/** National coverage of community comprehensive service facilities (secondary copies of MCA releases). */
export const NATIONAL_COVERAGE: readonly {
  year: number;
  urban: number;
  rural: number;
  note: { zh: string; en: string };
}[] = [
  { year: 2015, urban: 0.82, rural: 0.123, note: { zh: '2015年', en: '2015' } },
  { year: 2019, urban: 0.929, rural: 0.593, note: { zh: '2019年', en: '2019' } },
  { year: 2020, urban: 1, rural: 0.657, note: { zh: '2020年底', en: 'end of 2020' } },
];

/** Other national reference points. */
export const NATIONAL_FACTS: readonly { zh: string; en: string }[] = [
  {
    zh: '2020年底全国约有社区工作者434万人，平均每个村（社区）约6至7人',
    en: 'About 4.34 million community workers at the end of 2020, about 6 to 7 per village-level unit',
  },
];
