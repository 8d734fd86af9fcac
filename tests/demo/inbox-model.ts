/**
 * The demo inbox read back into typed rows for the tests, with the inbox rules (docs/inbox.md) applied the way the
 * pipeline must apply them: every row is checked, rows that break a rule are set aside with the kind of
 * fault, and conflicting duplicates are set aside together. Independent of the pipeline by design.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { registryFiles } from '../../pipeline/registry/files.ts';
import { urbanRuralOfCode } from '../../pipeline/registry/classify.ts';
import { datasetRows, parseBool, parseDateText, readRawTables, type InboxRow, type RawTable } from './inbox-reader.ts';

/** Inbox enumerations: value → aliases. */
export const FACILITY_TYPE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  service_center: ['综合服务中心', '社区服务中心', '社区服务站', '党群服务中心', '便民服务中心'],
  elder_daycare: ['老年人日间照料中心', '日间照料中心'],
  elder_home: ['养老院', '敬老院', '农村幸福院'],
  health_room: ['卫生室', '卫生服务站'],
  culture_room: ['文化活动室', '文化室'],
  library: ['图书室', '农家书屋'],
  fitness: ['健身场地', '体育健身设施'],
  smart_platform: ['智慧社区平台', '信息服务平台'],
};
export const ROLE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  secretary: ['书记'],
  director: ['主任'],
  committee: ['两委委员'],
  full_time: ['专职工作者', '专职人员'],
  grid: ['网格员'],
};
export const SOURCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  county: ['县级财政'],
  city: ['市级财政'],
  province_central: ['中省项目', '省级', '中央'],
  linked_units: ['挂钩单位', '驻区单位', '共建单位'],
  collective: ['集体经济', '自筹'],
  donation: ['社会捐助'],
  other: ['其他'],
};
export const CATEGORY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  work: ['工作经费', '办公经费'],
  service: ['服务群众专项经费'],
  construction: ['基础设施建设'],
  staff_pay: ['人员报酬'],
  other: ['其他'],
};

function enumOf(
  aliases: Readonly<Record<string, readonly string[]>>,
  text: string | null | undefined,
): string | undefined {
  if (!text) return undefined;
  for (const [value, names] of Object.entries(aliases)) if (value === text || names.includes(text)) return value;
  return undefined;
}

/** The registry's community codes and county codes (read once per test file). */
export interface RegistryCodes {
  communities: Map<string, string>;
  counties: Set<string>;
}

export async function loadRegistryCodes(): Promise<RegistryCodes> {
  const files = registryFiles();
  const communities = new Map<string, string>();
  const lines = createInterface({ input: createReadStream(files.communities, 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const [code, name] = line.split(',');
    communities.set(code!, name!.slice(1, -1));
  }
  const counties = new Set<string>();
  const areas = createInterface({ input: createReadStream(files.counties, 'utf8'), crlfDelay: Infinity });
  header = true;
  for await (const line of areas) {
    if (header) {
      header = false;
      continue;
    }
    counties.add(line.split(',')[0]!);
  }
  return { communities, counties };
}

/** Why a row is set aside. */
export type Fault =
  | 'code_length'
  | 'unknown_county'
  | 'unknown_code_without_name'
  | 'bad_value'
  | 'missing_households'
  | 'unknown_facility_type'
  | 'negative_amount'
  | 'left_before_hired'
  | 'conflicting_duplicate';

export interface CommunityRow {
  code: string;
  year: number;
  urban: boolean;
  hasIndustry: boolean | null;
  households: number;
  population: number;
  grids: number | null;
  satisfaction: number | null;
}
export interface FacilityRow {
  code: string;
  year: number;
  type: string;
  present: boolean;
  area: number | null;
  safety: boolean | null;
}
export interface StaffRow {
  workerId: string;
  code: string;
  role: string;
  hiredOn: string;
  leftOn: string | null;
  leaveReason: string | null;
  wage: number | null;
  insured: boolean | null;
  education: string | null;
  birthYear: number | null;
}
export interface FundingRow {
  code: string;
  year: number;
  source: string;
  category: string;
  amount: number;
}
export interface WageRow {
  county: string;
  year: number;
  wage: number;
}

/** Kept rows and the faults found, per dataset. */
export interface Inbox {
  communities: CommunityRow[];
  facilities: FacilityRow[];
  staff: StaffRow[];
  funding: FundingRow[];
  wages: WageRow[];
  faults: Record<string, Partial<Record<Fault, number>>>;
  /** Identical duplicates found (kept once). */
  identical: number;
  raw: Record<string, InboxRow[]>;
  tables: Record<string, RawTable[]>;
  /** Kept facility rows by `code|year`. */
  facilitiesOf: Map<string, FacilityRow[]>;
}

const isInt = (s: string | null | undefined): boolean => s !== null && s !== undefined && /^-?\d+$/.test(s);
const isNum = (s: string | null | undefined): boolean => s !== null && s !== undefined && /^-?\d+(\.\d+)?$/.test(s);

/** Checks a code: 12 digits, its county known; a code not in the registry needs a name. */
function codeFault(code: string | null | undefined, registry: RegistryCodes, name?: string | null): Fault | undefined {
  if (!code || !/^\d+$/.test(code) || code.length !== 12) return 'code_length';
  if (!registry.counties.has(code.slice(0, 6))) return 'unknown_county';
  if (!registry.communities.has(code) && !name) return 'unknown_code_without_name';
  return undefined;
}

/** Drops duplicate keys: identical rows kept once, conflicting ones all set aside. */
function dedupe<T>(
  rows: { key: string; sig: string; row: T }[],
  faults: Partial<Record<Fault, number>>,
  counter: { identical: number },
): T[] {
  const groups = new Map<string, { sig: string; row: T }[]>();
  for (const r of rows) {
    const g = groups.get(r.key);
    if (g) g.push(r);
    else groups.set(r.key, [r]);
  }
  const kept: T[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) kept.push(g[0]!.row);
    else if (g.every((r) => r.sig === g[0]!.sig)) {
      counter.identical += g.length - 1;
      kept.push(g[0]!.row);
    } else faults.conflicting_duplicate = (faults.conflicting_duplicate ?? 0) + g.length;
  }
  return kept;
}

function fault(faults: Partial<Record<Fault, number>>, f: Fault): void {
  faults[f] = (faults[f] ?? 0) + 1;
}

/** Reads and checks a whole inbox. */
export async function loadInbox(dir: string, registry: RegistryCodes): Promise<Inbox> {
  const raw: Record<string, InboxRow[]> = {};
  const tables: Record<string, RawTable[]> = {};
  for (const d of ['communities', 'facilities', 'staff', 'funding', 'wages']) {
    tables[d] = await readRawTables(dir, d);
    raw[d] = datasetRows(tables[d], d);
  }
  const faults: Record<string, Partial<Record<Fault, number>>> = {
    communities: {},
    facilities: {},
    staff: {},
    funding: {},
    wages: {},
  };
  const counter = { identical: 0 };

  const communities = dedupe(
    raw.communities!.flatMap((r) => {
      const v = r.values;
      const f = codeFault(v.community_code, registry, v.name);
      if (f) return (fault(faults.communities!, f), []);
      if (v.households === null || v.households === undefined)
        return (fault(faults.communities!, 'missing_households'), []);
      if (!isInt(v.year) || !isInt(v.households) || !isInt(v.population) || Number(v.households) < 0)
        return (fault(faults.communities!, 'bad_value'), []);
      const sat = v.satisfaction ?? null;
      if (sat !== null && (!isNum(sat) || Number(sat) < 0 || Number(sat) > 100))
        return (fault(faults.communities!, 'bad_value'), []);
      const hasIndustry = parseBool(v.has_industry);
      if (hasIndustry === undefined) return (fault(faults.communities!, 'bad_value'), []);
      const urLabel = v.urban_rural ?? null;
      const urban =
        urLabel === null ? urbanRuralOfCode(v.community_code!) === 'urban' : ['城镇', '城市'].includes(urLabel);
      if (urLabel !== null && !['城镇', '城市', '农村', '乡村'].includes(urLabel))
        return (fault(faults.communities!, 'bad_value'), []);
      const row: CommunityRow = {
        code: v.community_code!,
        year: Number(v.year),
        urban,
        hasIndustry,
        households: Number(v.households),
        population: Number(v.population),
        grids: v.grids ? Number(v.grids) : null,
        satisfaction: sat === null ? null : Number(sat),
      };
      return [{ key: `${row.code}|${row.year}`, sig: JSON.stringify(v), row }];
    }),
    faults.communities!,
    counter,
  );

  const facilities = dedupe(
    raw.facilities!.flatMap((r) => {
      const v = r.values;
      const f = codeFault(v.community_code, registry);
      if (f) return (fault(faults.facilities!, f), []);
      const type = enumOf(FACILITY_TYPE_ALIASES, v.facility_type);
      if (!type) return (fault(faults.facilities!, 'unknown_facility_type'), []);
      const present = parseBool(v.present);
      if (present === undefined || present === null || !isInt(v.year))
        return (fault(faults.facilities!, 'bad_value'), []);
      const area = v.floor_area_m2 ?? null;
      if (type === 'service_center' && present && (area === null || !isNum(area) || Number(area) < 0))
        return (fault(faults.facilities!, 'bad_value'), []);
      const safety = parseBool(v.safety_issue);
      if (safety === undefined) return (fault(faults.facilities!, 'bad_value'), []);
      const row: FacilityRow = {
        code: v.community_code!,
        year: Number(v.year),
        type,
        present,
        area: area === null ? null : Number(area),
        safety,
      };
      return [{ key: `${row.code}|${row.year}|${type}`, sig: JSON.stringify(row), row }];
    }),
    faults.facilities!,
    counter,
  );

  const staff = dedupe(
    raw.staff!.flatMap((r) => {
      const v = r.values;
      const f = codeFault(v.community_code, registry);
      if (f) return (fault(faults.staff!, f), []);
      const role = enumOf(ROLE_ALIASES, v.role);
      const hiredOn = parseDateText(v.hired_on);
      const leftOn = parseDateText(v.left_on);
      const insured = parseBool(v.social_insurance);
      if (!v.worker_id || !role || !hiredOn || leftOn === undefined || insured === undefined)
        return (fault(faults.staff!, 'bad_value'), []);
      if (v.monthly_wage && (!isNum(v.monthly_wage) || Number(v.monthly_wage) < 0))
        return (fault(faults.staff!, 'bad_value'), []);
      if (leftOn !== null && leftOn < hiredOn) return (fault(faults.staff!, 'left_before_hired'), []);
      const row: StaffRow = {
        workerId: v.worker_id,
        code: v.community_code!,
        role,
        hiredOn,
        leftOn,
        leaveReason: v.leave_reason ?? null,
        wage: v.monthly_wage ? Number(v.monthly_wage) : null,
        insured,
        education: v.education ?? null,
        birthYear: v.birth_year ? Number(v.birth_year) : null,
      };
      return [{ key: `${row.workerId}|${row.code}|${hiredOn}`, sig: JSON.stringify(row), row }];
    }),
    faults.staff!,
    counter,
  );

  const funding = dedupe(
    raw.funding!.flatMap((r) => {
      const v = r.values;
      const f = codeFault(v.community_code, registry);
      if (f) return (fault(faults.funding!, f), []);
      const source = enumOf(SOURCE_ALIASES, v.source);
      const category = enumOf(CATEGORY_ALIASES, v.category);
      if (!source || !category || !isInt(v.year) || !isNum(v.amount)) return (fault(faults.funding!, 'bad_value'), []);
      if (Number(v.amount) < 0) return (fault(faults.funding!, 'negative_amount'), []);
      const row: FundingRow = {
        code: v.community_code!,
        year: Number(v.year),
        source,
        category,
        amount: Number(v.amount),
      };
      return [{ key: `${row.code}|${row.year}|${source}|${category}`, sig: JSON.stringify(row), row }];
    }),
    faults.funding!,
    counter,
  );

  const wages = raw.wages!.flatMap((r) => {
    const v = r.values;
    if (!v.county_code || !/^\d{6}$/.test(v.county_code) || !isInt(v.year) || !isNum(v.avg_annual_wage))
      return (fault(faults.wages!, 'bad_value'), []);
    return [{ county: v.county_code, year: Number(v.year), wage: Number(v.avg_annual_wage) }];
  });

  const facilitiesOf = new Map<string, FacilityRow[]>();
  for (const f of facilities) {
    const key = `${f.code}|${f.year}`;
    const list = facilitiesOf.get(key);
    if (list) list.push(f);
    else facilitiesOf.set(key, [f]);
  }
  return {
    communities,
    facilities,
    staff,
    funding,
    wages,
    faults,
    identical: counter.identical,
    raw,
    tables,
    facilitiesOf,
  };
}

/** Whether a worker is in post on an ISO day (docs/indicators.md: hired_on ≤ D and left_on empty or after D). */
export function inPost(s: StaffRow, day: string): boolean {
  return s.hiredOn <= day && (s.leftOn === null || s.leftOn > day);
}
