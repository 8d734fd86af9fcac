/** A local-government report the product's gaps, standards and calibration are drawn from. */
export interface SourceDocument {
  id: SourceId;
  issuer: { zh: string; en: string };
  title: { zh: string; en: string };
  /** The date the document bears (year, or year and month), as users cite it. */
  date: { zh: string; en: string };
}

export type SourceId = 'tongchuan_2019' | 'yizheng_2016' | 'chengdong_2016' | 'wangcang_2017' | 'xinzhou_2022';

/**
 * The five source reports, named as users cite them: issuer, title and date (docs/sources.md lists the
 * figures taken from each). They are never named by an internal file number anywhere a user sees.
 */
export const SOURCES: Readonly<Record<SourceId, SourceDocument>> = {
  tongchuan_2019: {
    id: 'tongchuan_2019',
    issuer: { zh: '铜川市政协', en: 'Tongchuan CPPCC' },
    title: {
      zh: '城乡社区治理工作视察报告',
      en: 'Report of the Inspection of Urban and Rural Community Governance',
    },
    date: { zh: '2019年3月', en: 'Mar 2019' },
  },
  yizheng_2016: {
    id: 'yizheng_2016',
    issuer: { zh: '仪征市民政局', en: 'Yizheng Civil Affairs Bureau' },
    title: { zh: '关于进一步加强全市社区建设的实施意见', en: 'Opinions on Further Strengthening Community Building' },
    date: { zh: '2016年10月', en: 'Oct 2016' },
  },
  chengdong_2016: {
    id: 'chengdong_2016',
    issuer: { zh: '西宁市城东区民政局', en: 'Chengdong District (Xining) Civil Affairs Bureau' },
    title: {
      zh: '城东区加强社会治理创新，夯实基层基础工作',
      en: 'Chengdong Strengthens Innovation in Social Governance and the Grassroots',
    },
    date: { zh: '2016年5月', en: 'May 2016' },
  },
  wangcang_2017: {
    id: 'wangcang_2017',
    issuer: { zh: '旺苍县人民政府办公室', en: 'Wangcang County Government Office' },
    title: {
      zh: '关于县政协十届一次会议第73号提案的答复',
      en: 'Reply to Proposal No. 73 of the First Session of the 10th County CPPCC',
    },
    date: { zh: '2017年', en: '2017' },
  },
  xinzhou_2022: {
    id: 'xinzhou_2022',
    issuer: { zh: '忻州市政府办公室', en: 'Xinzhou Municipal Government Office' },
    title: {
      zh: '关于“提升城乡社区服务能力的建议”提案的答复',
      en: 'Reply to the Proposal on Improving Urban and Rural Community Services',
    },
    date: { zh: '2022年5月', en: 'May 2022' },
  },
};

/** A source cited as users read it: 铜川市政协《…》（2019年3月） or "Tongchuan CPPCC, … (Mar 2019)". */
export function citeSource(id: SourceId, lang: 'zh' | 'en'): string {
  const s = SOURCES[id];
  return lang === 'zh'
    ? `${s.issuer.zh}《${s.title.zh}》（${s.date.zh}）`
    : `${s.issuer.en}, ${s.title.en} (${s.date.en})`;
}
