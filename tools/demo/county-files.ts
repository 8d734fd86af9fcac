/**
 * Writes one county's files in its house style. Layout: `<dataset>/<province code>_<province>/`
 * `示例数据_<county code>_<county>[_<year>]_<form>.<ext>`, one file per county (and per year for
 * XLSX forms), as bureaus deliver them.
 */
import type { CountyRecords } from './batch.ts';
import type { HouseStyle } from './house-style.ts';
import { FILE_PREFIX, type Dataset, type InboxWriter } from './inbox-writer.ts';
import type { County } from './registry-index.ts';
import { renderCommunities, renderFacilities, renderFunding, renderStaff, type Table } from './render.ts';
import { encodeCsv } from './writers/csv.ts';
import { encodeXlsx, type XlsxSheet } from './writers/xlsx.ts';

/** The form names that end each dataset's file names. */
const FORM_NAMES: Readonly<Record<Dataset, string>> = {
  communities: '社区基本情况',
  facilities: '社区服务设施',
  staff: '社区工作者花名册',
  funding: '社区经费',
  wages: '县级在岗职工平均工资',
};

/** A file path inside the inbox for one county. */
export function countyFilePath(
  dataset: Dataset,
  county: County,
  part: string | undefined,
  ext: 'xlsx' | 'csv',
): string {
  const folder = `${dataset}/${county.provinceCode}_${county.provinceName}`;
  return `${folder}/${FILE_PREFIX}${county.code}_${county.name}${part ? `_${part}` : ''}_${FORM_NAMES[dataset]}.${ext}`;
}

function csvCells(table: Table): (string | number | null)[][] {
  return table.rows.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
}

async function writeCsv(
  writer: InboxWriter,
  dataset: Dataset,
  path: string,
  table: Table,
  style: HouseStyle,
  gb18030 = false,
): Promise<void> {
  const bytes = encodeCsv(table.header, csvCells(table), {
    encoding: gb18030 ? 'gb18030' : 'utf-8',
    bom: !gb18030 && style.bom,
    crlf: style.crlf,
  });
  const encoding = gb18030 ? 'gb18030' : style.bom ? 'utf-8-bom' : 'utf-8';
  await writer.write({ path, dataset, format: 'csv', encoding, rows: table.rows.length }, bytes);
}

async function writeXlsx(writer: InboxWriter, dataset: Dataset, path: string, sheets: XlsxSheet[]): Promise<void> {
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  await writer.write({ path, dataset, format: 'xlsx', encoding: 'xlsx', rows }, await encodeXlsx(sheets));
}

/** Concatenates a per-year map in year order. */
function allYears<T>(byYear: ReadonlyMap<number, T[]>): T[] {
  const out: T[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) for (const row of byYear.get(year)!) out.push(row);
  return out;
}

/** Writes a county's communities, facilities, staff and funding files. */
export async function writeCountyFiles(
  writer: InboxWriter,
  county: County,
  records: CountyRecords,
  style: HouseStyle,
  seed: number,
  years: readonly number[],
): Promise<void> {
  const span = `${years[0]}-${years[years.length - 1]}`;

  if (style.communities === 'csv') {
    await writeCsv(
      writer,
      'communities',
      countyFilePath('communities', county, undefined, 'csv'),
      renderCommunities(allYears(records.communities), style, false),
      style,
    );
  } else if (style.communities === 'xlsx-sheets') {
    const sheets = [...records.communities.keys()]
      .sort((a, b) => a - b)
      .map((year) => ({ name: `${year}年`, ...renderCommunities(records.communities.get(year)!, style, true) }));
    await writeXlsx(writer, 'communities', countyFilePath('communities', county, span, 'xlsx'), sheets);
  } else {
    for (const [year, rows] of [...records.communities].sort((a, b) => a[0] - b[0])) {
      await writeXlsx(writer, 'communities', countyFilePath('communities', county, String(year), 'xlsx'), [
        { name: '社区基本情况', ...renderCommunities(rows, style, true) },
      ]);
    }
  }

  if (style.facilities === 'csv') {
    await writeCsv(
      writer,
      'facilities',
      countyFilePath('facilities', county, undefined, 'csv'),
      renderFacilities(allYears(records.facilities), style, false),
      style,
    );
  } else {
    for (const [year, rows] of [...records.facilities].sort((a, b) => a[0] - b[0])) {
      await writeXlsx(writer, 'facilities', countyFilePath('facilities', county, String(year), 'xlsx'), [
        { name: '服务设施', ...renderFacilities(rows, style, true) },
      ]);
    }
  }

  if (style.staff === 'xlsx') {
    await writeXlsx(writer, 'staff', countyFilePath('staff', county, undefined, 'xlsx'), [
      { name: '花名册', ...renderStaff(records.staff, style, true, seed) },
    ]);
  } else {
    await writeCsv(
      writer,
      'staff',
      countyFilePath('staff', county, undefined, 'csv'),
      renderStaff(records.staff, style, false, seed),
      style,
    );
  }

  const names = records.names;
  await writeCsv(
    writer,
    'funding',
    countyFilePath('funding', county, undefined, 'csv'),
    renderFunding(records.funding, style, (code) => names.get(code) ?? ''),
    style,
    true,
  );
}
