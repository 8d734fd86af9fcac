/** The five places the seed reports describe, and the registry facts the demo needs about them. */

/** Id of a seed place. */
export type PlaceId = 'tongchuan' | 'yizheng' | 'chengdong' | 'wangcang' | 'xinzhou';

/** A seed place: a registry code prefix and the seed report it comes from. */
export interface SeedPlace {
  id: PlaceId;
  name: string;
  /** Registry code prefix: a city (4 digits) or a county (6 digits). */
  prefix: string;
  /** File id of the seed report in the project's source documents. */
  seed: '000' | '001' | '002' | '003' | '004';
}

export const SEED_PLACES: readonly SeedPlace[] = [
  { id: 'tongchuan', name: '铜川市', prefix: '6102', seed: '000' },
  { id: 'yizheng', name: '仪征市', prefix: '321081', seed: '001' },
  { id: 'chengdong', name: '西宁市城东区', prefix: '630102', seed: '002' },
  { id: 'wangcang', name: '旺苍县', prefix: '510821', seed: '003' },
  { id: 'xinzhou', name: '忻州市', prefix: '1409', seed: '004' },
];

/** The seed place a community code belongs to, if any. */
export function placeOfCode(code: string): SeedPlace | undefined {
  for (const place of SEED_PLACES) if (code.startsWith(place.prefix)) return place;
  return undefined;
}

/**
 * Tongchuan's 2023 registry has 76 urban codes but seed 000 counts 72 urban communities in 2019. The
 * demo lets the four highest-numbered units of 正阳路街道 (the new district of 耀州区, where new housing
 * estates were built) exist only from 2021. Invented: which four, and the year.
 */
export const TONGCHUAN_LATE_COMMUNITIES: Readonly<Record<string, number>> = {
  '610204004008': 2021, // 天籁社区
  '610204004010': 2021, // 兴业社区
  '610204004011': 2021, // 金鼎社区
  '610204004012': 2021, // 长青社区
};

/** The first year a community exists in the demo (undefined: every year). */
export function firstYearOf(code: string): number | undefined {
  return TONGCHUAN_LATE_COMMUNITIES[code];
}

/**
 * Seed 003 names four new rural communities of Wangcang; three are in the 2023 registry (白龙 is not,
 * probably merged). With the county's 37 urban units they make exactly the seed's 40 城乡社区.
 */
export const WANGCANG_NEW_RURAL_NAMES = ['卢家坝', '石龙', '白龙', '龙凤'] as const;

/**
 * Whether a Wangcang unit is one of the seed's 40 "城乡社区" under community management: every urban
 * unit, plus the named new rural communities.
 */
export function isWangcangManaged(code: string, name: string, urban: boolean): boolean {
  if (!code.startsWith('510821')) return false;
  return urban || WANGCANG_NEW_RURAL_NAMES.some((n) => name.startsWith(n));
}

/**
 * Seed 002's twelve 新型社区 (2013 reform of Chengdong's seven subdistricts) are not registry units:
 * each covers two to four registry 居委会 ("一社多居"). The demo keeps the registry units and assigns
 * the subdistricts' 31 居委会 to twelve groups, consecutive by code within each subdistrict, with these
 * group sizes. Invented: the grouping (the seed gives no list).
 */
export const CHENGDONG_REFORM_GROUP_SIZES: Readonly<Record<string, readonly number[]>> = {
  '630102001': [3], // 东关大街街道
  '630102002': [3, 2], // 清真巷街道
  '630102003': [3, 3, 2], // 大众街街道
  '630102004': [2, 2], // 周家泉街道
  '630102005': [4], // 火车站街道
  '630102006': [3, 2], // 八一路街道
  '630102007': [2], // 林家崖街道
};

/**
 * The reform group (1-12) of each Chengdong urban unit in a reformed subdistrict, from a code-sorted list
 * of the county's units. Units outside the seven subdistricts (towns, the industrial park, villages)
 * get none.
 */
export function chengdongReformGroups(units: readonly { code: string; urban: boolean }[]): Map<string, number> {
  const groups = new Map<string, number>();
  let group = 0;
  for (const [township, sizes] of Object.entries(CHENGDONG_REFORM_GROUP_SIZES)) {
    const members = units
      .filter((u) => u.urban && u.code.startsWith(township))
      .map((u) => u.code)
      .sort();
    let i = 0;
    for (const size of sizes) {
      group++;
      for (const code of members.slice(i, i + size)) groups.set(code, group);
      i += size;
    }
  }
  return groups;
}
