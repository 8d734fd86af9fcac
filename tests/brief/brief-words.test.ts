import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildBrief, peerRegionCount } from '../../core/brief/build-brief.ts';
import { BRIEF_INDICATORS } from '../../core/brief/build-brief.ts';
import { compare } from '../../core/brief/compare.ts';
import { INDICATORS } from '../../contract/indicators.ts';
import type { Standard } from '../../contract/standard.ts';
import {
  briefDocument,
  comparisonText,
  type BriefBlock,
  type BriefDocument,
} from '../../dashboard/brief/brief-document.ts';
import { briefDocx } from '../../dashboard/brief/brief-docx.ts';
import { pinyin } from 'pinyin-pro';
import { romanizer } from '../../dashboard/i18n/romanizer.ts';
import { makeUi } from '../../dashboard/i18n/ui.ts';
import { countyInputs, SHIPPED_STANDARDS } from '../helpers/brief-inputs.ts';
import { tempDir } from '../helpers/fixtures.ts';
import { internalWords } from '../helpers/internal-words.ts';

const manifest = { indicators: [...INDICATORS] };
const zh = makeUi('zh', manifest);
const en = makeUi('en', manifest);
const places: Record<string, string> = {
  '6102': '铜川市',
  '61': '陕西省',
  '510821': '旺苍县',
  '321081': '仪征市',
  '1409': '忻州市',
};
const names = (inputs: ReturnType<typeof countyInputs>) => ({
  communities: new Map(inputs.communities.map((r) => [r.community_code, r.name])),
  townships: inputs.townships,
  standards: SHIPPED_STANDARDS as Standard[],
  place: (code: string) => places[code] ?? code,
});

/** Every text of a brief document, block by block. */
function texts(doc: BriefDocument): string[] {
  return doc.sections.flatMap((s) => [
    s.heading,
    ...s.blocks.flatMap((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return [b.text];
        case 'list':
          return b.items.flatMap((i) => [i.text, ...i.notes]);
        case 'table':
          return [...b.head, ...b.rows.flat()];
        case 'chart':
          return [b.title, b.note, b.alt, ...b.bars.map((x) => x.label)];
        case 'map':
          return [b.title, ...b.caption, b.alt, ...(b.note ? [b.note] : [])];
      }
    }),
  ]);
}
const section = (doc: BriefDocument, id: string) => {
  const s = doc.sections.find((x) => x.id === id);
  return s ? texts({ ...doc, sections: [s] }).join('\n') : '';
};
const number = (s: string) => Number(s.replace(/,/g, ''));

describe('comparison words', () => {
  it('take higher/lower from the numbers and better/worse from the catalogue direction', () => {
    expect(compare('turnover_rate', 0.116, 0.094)).toMatchObject({ relation: 'higher', verdict: 'worse' });
    expect(compare('cov_service_center', 0.9, 0.8)).toMatchObject({ relation: 'higher', verdict: 'better' });
    expect(compare('funding_per_household', 300, 400)).toMatchObject({ relation: 'lower', verdict: 'worse' });
    expect(compare('satisfaction', 80, 80)).toMatchObject({ relation: 'equal', verdict: 'same' });
    expect(() => compare('no_such_indicator', 1, 2)).toThrow(/unknown indicator/);
  });

  it('word every brief indicator right in both languages, above, below and at the reference', () => {
    for (const indicator of [...BRIEF_INDICATORS, 'facilities']) {
      const better = INDICATORS.find((i) => i.id === indicator)?.better ?? 'higher';
      for (const [value, reference] of [
        [0.6, 0.4],
        [0.4, 0.6],
        [0.5, 0.5],
      ] as const) {
        const relation = value > reference ? 'higher' : value < reference ? 'lower' : 'equal';
        const verdict = relation === 'equal' ? 'same' : relation === better ? 'better' : 'worse';
        const z = comparisonText(zh, indicator, value, reference, '同市其他县（区）');
        const e = comparisonText(en, indicator, value, reference, 'the other counties');
        expect(z, `${indicator} ${value} ${reference}`).toContain(
          { higher: '高于', lower: '低于', equal: '等于' }[relation],
        );
        expect(z).toContain({ better: '较好', worse: '较差', same: '持平' }[verdict]);
        expect(e).toContain({ higher: 'higher than', lower: 'lower than', equal: 'equal to' }[relation]);
        expect(e).toMatch(new RegExp(`\\(${{ better: 'better', worse: 'worse', same: 'the same' }[verdict]}\\)$`));
        // With the relative difference: said to be relative to the median, and which way.
        const zg = comparisonText(zh, indicator, value, reference, '同市其他县（区）', true);
        const eg = comparisonText(en, indicator, value, reference, 'the other counties', true);
        if (relation === 'equal') expect(zg).not.toContain('比中位数');
        else {
          expect(zg).toMatch({ higher: /，比中位数高 [\d.]+%）$/, lower: /，比中位数低 [\d.]+%）$/ }[relation]);
          expect(eg).toMatch({ higher: /, [\d.]+% above it\)$/, lower: /, [\d.]+% below it\)$/ }[relation]);
        }
      }
    }
  });
});

describe('the brief document of a county (王益区 2019)', () => {
  const inputs = countyInputs();
  const model = buildBrief(inputs);
  const docs = { zh: briefDocument(zh, model, names(inputs)), en: briefDocument(en, model, names(inputs)) };

  it('says "higher" of 11.6% against 9.4% turnover, and checks every comparison sentence against its numbers', () => {
    expect(texts(docs.zh).join('\n')).toContain(
      '人员流失率（城镇社区）为 11.6%，高于同市其他县（区）中位数 9.4%（较差，比中位数高 23.4%）',
    );
    expect(texts(docs.en).join('\n')).toContain(
      'Staff turnover (Urban) is 11.6%, higher than the median of the other counties of the city, 9.4% (worse, 23.4% above it)',
    );
    const patterns = {
      zh: /([\d,.]+)\s*(?:%|\S*)?，(高于|低于|等于)[^，。；]*?中位数 ([\d,.]+)/g,
      en: /([\d,.]+)[^,]*?, (higher than|lower than|equal to) the median of [^,]+, ([\d,.]+)/g,
    };
    const words = {
      高于: 'higher',
      低于: 'lower',
      等于: 'equal',
      'higher than': 'higher',
      'lower than': 'lower',
      'equal to': 'equal',
    } as const;
    for (const lang of ['zh', 'en'] as const) {
      let checked = 0;
      for (const text of texts(docs[lang]))
        for (const m of text.matchAll(patterns[lang])) {
          const [value, reference] = [number(m[1]!), number(m[3]!)];
          const relation = value > reference ? 'higher' : value < reference ? 'lower' : 'equal';
          expect(words[m[2] as keyof typeof words], `${lang}: ${text}`).toBe(relation);
          checked++;
        }
      // Coverage (2), problems below peers (2) and the visits' distinctions.
      expect(checked, lang).toBeGreaterThanOrEqual(5);
    }
  });

  it('cites only standards in scope as basis and problem; others go to 参照 with their place', () => {
    expect(
      model.problems
        .filter((p) => p.kind === 'standard_failed')
        .map((p) => p.kind === 'standard_failed' && p.standardId),
    ).toEqual(['insurance']);
    expect(model.references.map((r) => r.standardId)).toEqual(['office_funds']);
    const problems = section(docs.zh, 'problems');
    expect(problems).toContain('依据：铜川市政协《城乡社区治理工作视察报告》（2019年3月）');
    // A Tongchuan county is not bound by Xinzhou's reply nor by Wangcang's.
    expect(problems).not.toMatch(/忻州|旺苍/);
    expect(section(docs.zh, 'references')).toContain(
      '若采用旺苍县的标准“每个社区办公经费不低于3万元”，8 个社区中有 5 个达不到',
    );
    expect(section(docs.en, 'references')).toContain(
      "Under 旺苍县's standard, “Every community: work funds ≥ 30,000 yuan a year”",
    );
  });

  it('explains a failure count as "of how many", with the communities in an appendix', () => {
    expect(section(docs.zh, 'problems')).toContain('未达标准：在岗社区工作者全部缴纳五险一金。8 个社区中 3 个未达标。');
    expect(section(docs.zh, 'problems')).toContain('涉及社区 3 个，名单见附录 1。');
    expect(section(docs.zh, 'appendix')).toContain('王家河街道（1 个）：社区3号');
    expect(section(docs.zh, 'appendix')).toContain('黄堡镇（2 个）：社区201号，社区202号');
    // The hot spots' list is named as the problem is, not as the whole indicator.
    expect(section(docs.zh, 'appendix')).toMatch(/附录 2：人员流失热点（年流失率不低于 25%）（\d+ 个）/);
    expect(section(docs.en, 'appendix')).toMatch(
      /Appendix 2: Staff turnover hot spots \(turnover of 25% or more\) \(\d+\)/,
    );
  });

  it('never names sources by file number, "seeds" or "SPEC", and speaks no English in Chinese', () => {
    for (const lang of ['zh', 'en'] as const) {
      const all = [docs[lang].title, docs[lang].markLine ?? '', ...texts(docs[lang])].join('\n');
      expect(internalWords(all), lang).toBeNull();
    }
    const chinese = texts(docs.zh).join('\n').replace(/n=|m²/g, '');
    expect(chinese.match(/.{0,20}[A-Za-z]{2,}.{0,20}/)?.[0] ?? null).toBeNull();
  });

  it('spells every place, township and community in pinyin in the English brief, as the English dashboard does', () => {
    const english = makeUi('en', manifest, romanizer(pinyin));
    const doc = briefDocument(english, model, names(inputs));
    expect(doc.title).toBe('Wangyi District: inspection brief on urban–rural community governance, 2019');
    const all = [doc.title, doc.markLine ?? '', ...texts(doc)].join('\n');
    expect(all.match(/.{0,20}\p{Script=Han}.{0,20}/u)?.[0] ?? null).toBeNull();
    expect(section(doc, 'references')).toContain("Under Wangcang County's standard");
    expect(section(doc, 'visits')).toMatch(/Stop 1: \w+ (Town|Subdistrict)/);
  });

  it('names the standards in English in the English brief', () => {
    const all = texts(docs.en).join('\n');
    expect(all).toContain('Every worker in post has social insurance and a housing fund');
    expect(all).toContain(
      'Basis: Tongchuan CPPCC, Report of the Inspection of Urban and Rural Community Governance (Mar 2019)',
    );
    // Chinese remains only in the names of places and communities.
    const withoutNames = all.replace(/王益区|铜川市|旺苍县|王家河街道|黄堡镇|社区\d+号/g, '');
    expect(withoutNames).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows the data year and the publication time apart, and the 示例数据 mark', () => {
    expect(docs.zh.dataYear).toBe('数据年度：2019年');
    expect(docs.zh.published).toMatch(/^发布时间：2026年12月1日 \d\d:37$/);
    expect(texts(docs.zh).join('\n')).not.toContain('数据截至');
    expect(docs.zh.mark).toBe('示例数据');
    expect(docs.en.mark).toBe('Synthetic data');
  });

  it('plans visits by township, each with a reason that sets it apart and 2-4 questions', () => {
    const visits = model.plan.flatMap((s) => s.visits);
    expect(visits.length).toBeGreaterThanOrEqual(3);
    expect(new Set(model.plan.map((s) => s.townshipCode)).size).toBe(model.plan.length);
    for (const stop of model.plan) for (const v of stop.visits) expect(v.townshipCode).toBe(stop.townshipCode);
    for (const v of visits) {
      expect(v.questions.length, v.code).toBeGreaterThanOrEqual(2);
      expect(v.questions.length, v.code).toBeLessThanOrEqual(4);
    }
    const failing = visits.find((v) => v.rule === 'worst_standards_failure')!;
    // Three communities fail insurance: the reason says it was the lowest-scoring of those three.
    expect(failing.pool).toBe(3);
    expect(failing.questions).toContain('insurance');
    const visitText = section(docs.zh, 'visits');
    expect(visitText).toContain('在同样未达 1 项及以上的 3 个社区中综合得分最低');
    expect(visitText).toMatch(/第 1 站：(王家河街道|黄堡镇)/);
    expect(visitText).toMatch(/突出之处：\S+为 /);
  });

  it('prints each unit once: no unit in a label whose value carries it', () => {
    const tables = docs.zh.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table' && b.role === 'visit');
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables)
      if (t.kind === 'table')
        for (const [label, ...cells] of t.rows) {
          expect(label).not.toMatch(/元|分|%|人\/千户/);
          for (const cell of cells)
            expect((cell.match(/元\/户|人\/千户|分|%|类/g) ?? []).length).toBeLessThanOrEqual(1);
        }
  });
});

describe('peers', () => {
  it('fall back to the province, then the nation, and the brief says which', () => {
    const lonely = countyInputs(['610203']);
    expect(peerRegionCount(lonely.groups, lonely.region, 2019)).toBe(1);
    const wider = { ...lonely, ...countyInputs(['610203', '610322', '610423']), peerScope: 'province' as const };
    const model = buildBrief(wider);
    expect(model.peerCount).toBe(3);
    const doc = briefDocument(zh, model, names(wider));
    expect(section(doc, 'basics')).toContain(
      '铜川市内可比的同级地区不足 2 个，改与同省其他县（区）比较。比较对象：同省其他县（区），共 3 个。',
    );
    expect(section(doc, 'problems')).toContain('高于同省其他县（区）中位数 9.4%');
    const nation = briefDocument(en, { ...model, peerScope: 'nation' }, names(wider));
    expect(section(nation, 'basics')).toContain('so the comparison is with the other counties of the nation');
  });
});

describe('the Word brief', () => {
  const inputs = countyInputs();
  const doc = briefDocument(zh, buildBrief(inputs), names(inputs));
  const dir = tempDir('cb-docx-');

  it('refuses a map block without its picture rather than leave the map out', () => {
    const map: BriefBlock = {
      kind: 'map',
      id: 'map',
      title: '地图',
      caption: ['底图来源', '审图号'],
      alt: '地图',
      note: null,
      data: { topology: { type: 'Topology', objects: {}, arcs: [], unmapped: [] } as never, values: new Map() },
      options: {} as never,
    };
    const withMap = { ...doc, sections: [{ id: 'gaps' as const, heading: '二、城乡差距', blocks: [map] }] };
    expect(() => briefDocx(withMap)).toThrow("no picture for the brief's map: map");
    const png = { png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), width: 1240, height: 700 };
    expect(() => briefDocx(withMap, new Map([['map', png]]))).not.toThrow();
  });

  it('is A4 with 公文 margins, 仿宋/黑体, tables with repeating headers equal to the page, a native chart, the mark and page numbers', async () => {
    const file = join(dir, 'brief.docx');
    writeFileSync(file, await Packer.toBuffer(briefDocx(doc)));
    const part = (name: string) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
    const list = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' });
    const body = part('word/document.xml');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(body).toContain('w:eastAsia="仿宋"');
    expect(body).toContain('w:eastAsia="黑体"');
    const headers = list.split('\n').filter((n) => /^word\/header\d*\.xml$/.test(n));
    expect(headers.map(part).join('')).toContain('示例数据');
    const footers = list.split('\n').filter((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(footers.map(part).join('')).toMatch(/PAGE/);
    expect(list).toMatch(/word\/charts\/chart\d+\.xml/);
    expect(list).toMatch(/word\/embeddings\/.+\.xlsx/);
    // Every table: its first row repeats, and its cells are the document's cells, in order.
    const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) =>
      [...m[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => ({
        header: r[1]!.includes('<w:tblHeader/>'),
        cells: [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
          [...c[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        ),
      })),
    );
    const expected = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table');
    expect(tables.length).toBe(expected.length);
    tables.forEach((rows, i) => {
      const b = expected[i]!;
      if (b.kind !== 'table') return;
      expect(rows[0]!.header).toBe(true);
      expect(rows.slice(1).every((r) => !r.header)).toBe(true);
      const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      expect(rows.map((r) => r.cells.map(decode))).toEqual([b.head, ...b.rows]);
    });
    // Every picture's and chart's alt text is in the brief's language (docx would say "Bar chart").
    const alts = [...body.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(alts.length).toBeGreaterThan(0);
    for (const alt of alts) expect(alt).not.toMatch(/[A-Za-z]{2,}/);
    // The sections in order, as Heading 1.
    const headings = [...body.matchAll(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(
      (m) => m[1],
    );
    expect(headings).toEqual(doc.sections.map((s) => s.heading));
  });
});
