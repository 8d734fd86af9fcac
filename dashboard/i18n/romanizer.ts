import type { pinyin as Pinyin } from 'pinyin-pro';

/** Place names in Latin letters: English labels, and keys that pinyin searches match. */
export interface Romanizer {
  /** An English label: the name's pinyin with its administrative suffix translated (王益区 → Wangyi District). */
  name(chinese: string): string;
  /** Whether a Latin query (pinyin with or without spaces, or initials) finds the name. */
  matches(chinese: string, query: string): boolean;
}

// Longest first, so that 自治县 is not read as 县.
const SUFFIXES: [string, string][] = [
  ['街道办事处', 'Subdistrict'],
  ['社区居委会', 'Community'],
  ['社区居民委员会', 'Community'],
  ['村民委员会', 'Village'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['居委会', 'Community'],
  ['村委会', 'Village'],
  ['街道', 'Subdistrict'],
  ['社区', 'Community'],
  ['省', 'Province'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
];

// Names whose customary spelling is not their plain pinyin; the autonomous regions name their people
// as a word of its own (广西壮族自治区: Guangxi Zhuang Autonomous Region).
const CONVENTIONAL: Record<string, string> = {
  陕西: 'Shaanxi',
  内蒙古: 'Inner Mongolia',
  广西壮族: 'Guangxi Zhuang',
  宁夏回族: 'Ningxia Hui',
  新疆维吾尔: 'Xinjiang Uygur',
};

/** A romanizer over pinyin-pro, loaded only when a page needs it (its dictionary is ~300 KB). */
export async function loadRomanizer(): Promise<Romanizer> {
  const { pinyin } = await import('pinyin-pro');
  return romanizer(pinyin);
}

/** A romanizer over a pinyin function (pinyin-pro's). */
export function romanizer(pinyin: typeof Pinyin): Romanizer {
  const syllables = (text: string) =>
    pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).filter((s) => s.trim());
  const cache = new Map<string, { full: string; initials: string }>();
  const keys = (chinese: string) => {
    let k = cache.get(chinese);
    if (!k) {
      const s = syllables(chinese).map((x) => x.toLowerCase());
      k = { full: s.join(''), initials: s.map((x) => x[0]).join('') };
      cache.set(chinese, k);
    }
    return k;
  };
  return {
    name(chinese) {
      // A name with no Chinese in it (a code, a Latin name) is already as an English reader sees it.
      if (!/\p{Script=Han}/u.test(chinese)) return chinese;
      const known = Object.keys(CONVENTIONAL).find((zh) => chinese.startsWith(zh));
      if (known) {
        const rest = SUFFIXES.find(([zh]) => chinese.slice(known.length) === zh)?.[1];
        return rest ? `${CONVENTIONAL[known]} ${rest}` : CONVENTIONAL[known]!;
      }
      const [suffix, english] = SUFFIXES.find(([zh]) => chinese.endsWith(zh) && chinese.length > zh.length) ?? ['', ''];
      const stem = syllables(chinese.slice(0, chinese.length - suffix.length))
        // An apostrophe keeps a syllable starting with a vowel apart (Xi'an, Chang'an).
        .map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s))
        .join('');
      const label = stem.charAt(0).toUpperCase() + stem.slice(1);
      return english ? `${label} ${english}` : label;
    },
    matches(chinese, query) {
      const q = query.toLowerCase().replace(/[\s'’-]/g, '');
      if (!/^[a-z]+$/.test(q)) return false;
      const k = keys(chinese);
      return k.full.includes(q) || k.initials.startsWith(q);
    },
  };
}
