/**
 * A small, independent reader of a generated demo inbox for the tests: it decodes CSV (UTF-8 with or
 * without BOM, else GB18030) and XLSX (exceljs, every sheet), maps the inbox's Chinese headers to column
 * names and normalises values. It is deliberately not the ingest pipeline, so the demo's calibration
 * is checked over the files as a bureau would send them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ExcelJS from 'exceljs';

/** A parsed row: column name → value, plus where it came from. */
export interface InboxRow {
  file: string;
  row: number;
  values: Record<string, string | null>;
}

/** Inbox headers: column name → aliases (the English name counts too). */
export const HEADER_ALIASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  communities: {
    community_code: ['社区代码', '统计用区划代码', '区划代码'],
    year: ['年份', '年度'],
    name: ['社区名称', '名称'],
    urban_rural: ['城乡类型', '城乡'],
    has_industry: ['产业支撑', '有无产业支撑', '是否有产业支撑'],
    industry_type: ['产业类型'],
    households: ['户数', '总户数'],
    population: ['人口', '常住人口', '户籍人口'],
    area_km2: ['面积', '辖区面积'],
    grids: ['网格数'],
    satisfaction: ['居民满意度', '满意度'],
  },
  facilities: {
    community_code: ['社区代码', '统计用区划代码', '区划代码'],
    year: ['年份', '年度'],
    facility_type: ['设施类型'],
    present: ['是否具备', '有无', '是否建成'],
    floor_area_m2: ['面积', '建筑面积', '使用面积'],
    safety_issue: ['安全隐患'],
  },
  staff: {
    worker_id: ['人员编号', '工号'],
    community_code: ['社区代码', '统计用区划代码', '区划代码'],
    role: ['岗位', '职务'],
    hired_on: ['入职日期', '到岗日期'],
    left_on: ['离职日期'],
    leave_reason: ['离职原因'],
    monthly_wage: ['月工资', '月薪'],
    social_insurance: ['五险一金', '社保'],
    education: ['学历'],
    birth_year: ['出生年份'],
  },
  funding: {
    community_code: ['社区代码', '统计用区划代码', '区划代码'],
    year: ['年份', '年度'],
    source: ['资金来源'],
    category: ['资金类别', '用途'],
    amount: ['金额'],
    unit: ['单位'],
  },
  wages: {
    county_code: ['县级代码'],
    year: ['年份', '年度'],
    avg_annual_wage: ['城镇非私营单位在岗职工年平均工资'],
  },
};

/** A header cell's column and the unit it carries, e.g. `金额(万元)` → amount, 万元. */
export function mapHeader(dataset: string, cell: string): { column: string | undefined; unit: string | undefined } {
  const m = /^(.*?)[(（]([^)）]*)[)）]\s*$/.exec(cell.trim());
  const name = (m ? m[1]! : cell).replace(/\s+/g, '').toLowerCase();
  const unit = m ? m[2] : undefined;
  for (const [column, aliases] of Object.entries(HEADER_ALIASES[dataset]!)) {
    if (name === column || aliases.includes(name)) return { column, unit };
  }
  return { column: undefined, unit };
}

/** Splits CSV text into rows of fields (RFC 4180 quoting, LF or CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** How a text file was encoded. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Decodes a CSV file: BOM → UTF-8, valid UTF-8 → UTF-8, else GB18030. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  }
}

/** A raw table: header and cell rows, as text (XLSX numbers as their digits, dates as ISO). */
export interface RawTable {
  file: string;
  sheet: string | undefined;
  header: string[];
  rows: (string | null)[][];
  /** Which columns held Excel date cells (XLSX only). */
  dateColumns: Set<number>;
  /** Which columns held numeric code cells (XLSX only). */
  numericColumns: Set<number>;
}

function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') throw new Error(`unexpected rich cell ${JSON.stringify(value)}`);
  return String(value);
}

/** Reads every sheet of an XLSX file. */
export async function readXlsx(path: string, file: string): Promise<RawTable[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const tables: RawTable[] = [];
  workbook.eachSheet((sheet) => {
    const rows: (string | null)[][] = [];
    const dateColumns = new Set<number>();
    const numericColumns = new Set<number>();
    let header: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const width = row.cellCount;
      const cells: (string | null)[] = [];
      for (let c = 1; c <= width; c++) {
        const v = row.getCell(c).value;
        if (n > 1 && v instanceof Date) dateColumns.add(c - 1);
        if (n > 1 && typeof v === 'number') numericColumns.add(c - 1);
        cells.push(cellText(v));
      }
      if (n === 1) header = cells.map((c) => c ?? '');
      else rows.push(cells);
    });
    tables.push({ file, sheet: sheet.name, header, rows, dateColumns, numericColumns });
  });
  return tables;
}

/** Reads a CSV file. */
export async function readCsvFile(
  path: string,
  file: string,
): Promise<RawTable & { encoding: TextEncodingName; crlf: boolean }> {
  const bytes = await readFile(path);
  const { text, encoding } = decodeCsv(bytes);
  const [header, ...rows] = parseCsv(text);
  return {
    file,
    sheet: undefined,
    header: header!,
    rows: rows.map((r) => r.map((v) => (v === '' ? null : v))),
    dateColumns: new Set(),
    numericColumns: new Set(),
    encoding,
    crlf: text.includes('\r\n'),
  };
}

/** Every file below a folder, relative and '/'-separated. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? join(sub, entry.name) : entry.name;
      if (entry.isDirectory()) await walk(path);
      else out.push(path.split(sep).join('/'));
    }
  };
  await walk('');
  return out.sort();
}

/** Every raw table of a dataset folder. */
export async function readRawTables(inbox: string, dataset: string): Promise<RawTable[]> {
  const tables: RawTable[] = [];
  for (const file of await listFiles(join(inbox, dataset))) {
    const path = join(inbox, dataset, file);
    const name = relative(inbox, path).split(sep).join('/');
    if (file.endsWith('.xlsx')) tables.push(...(await readXlsx(path, name)));
    else tables.push(await readCsvFile(path, name));
  }
  return tables;
}

/** Rows of a dataset's tables with columns mapped; a `金额(万元)` header or a 单位 of 万元 turns amounts into yuan. */
export function datasetRows(tables: readonly RawTable[], dataset: string): InboxRow[] {
  const out: InboxRow[] = [];
  for (const table of tables) {
    const mapped = table.header.map((h) => mapHeader(dataset, h));
    table.rows.forEach((cells, i) => {
      const values: Record<string, string | null> = {};
      mapped.forEach(({ column, unit }, c) => {
        if (!column) return;
        let v = cells[c] ?? null;
        if (column === 'amount' && v !== null) {
          v = v.replace(/,/g, '');
          if (unit === '万元') v = wanToYuan(v);
        }
        values[column] = v;
      });
      if (dataset === 'funding' && values.unit === '万元' && values.amount !== null && values.amount !== undefined) {
        values.amount = wanToYuan(values.amount);
      }
      out.push({ file: table.sheet ? `${table.file}#${table.sheet}` : table.file, row: i + 2, values });
    });
  }
  return out;
}

/** 万元 text to whole-yuan text, exactly (no floating point). */
export function wanToYuan(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(text);
  if (!m) throw new Error(`not a 万元 amount: ${text}`);
  const yuan = Number(m[2]) * 10_000 + Number((m[3] ?? '').padEnd(4, '0'));
  return `${m[1]}${yuan}`;
}

const BOOLEANS: Readonly<Record<string, boolean>> = {
  是: true,
  否: false,
  有: true,
  无: false,
  y: true,
  n: false,
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
};

/** An inbox boolean, or undefined when the text is not one. */
export function parseBool(text: string | null | undefined): boolean | null | undefined {
  if (text === null || text === undefined) return null;
  return BOOLEANS[text.trim().toLowerCase()];
}

/** An inbox date (2024-03-05, 2024/3/5, 2024年3月5日) as ISO, or undefined. */
export function parseDateText(text: string | null | undefined): string | null | undefined {
  if (text === null || text === undefined) return null;
  const m = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso ? iso : undefined;
}
