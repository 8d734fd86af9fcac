import { urbanRuralOfCode } from '../registry/classify.ts';
import type { Cell } from '../ingest/cell.ts';
import { cellText, isBlank } from '../ingest/cell.ts';
import type { DatasetSpec } from '../schema/column.ts';
import type { HeaderMapping } from './map-header.ts';
import { Invalid } from './invalid.ts';
import { parseCell, type Value } from './parse-cell.ts';
import { MONEY_UNITS } from '../schema/column.ts';

/** One thing wrong with a row: the column (as the file names it), a rule id and a message. */
export interface Problem {
  column: string;
  rule: string;
  reason: string;
}

/** A parsed row: values by column name (null = blank), its key, and the cells of extra columns (JSON). */
export interface ParsedRow {
  values: Record<string, Value | null>;
  key: string;
  digest: string;
  extras: string | null;
}

/** What the row checks need from outside: the current year and the hash for personal columns. */
export interface RowContext {
  currentYear: number;
  today: string;
  hashPersonal(value: string): string;
  /** The run's clock, for when a file came in. */
  now?: Date;
}

/** The raw cells of a row by header text, personal ones already hashed, for the quarantine and lineage. */
export function rawCells(mapping: HeaderMapping, header: readonly Cell[], cells: readonly Cell[], ctx: RowContext) {
  const raw: Record<string, string> = {};
  const personal = new Set(mapping.columns.filter((c) => c.spec.personal).map((c) => c.index));
  header.forEach((h, i) => {
    if (isBlank(h)) return;
    const text = cellText(cells[i]);
    raw[cellText(h).trim()] = personal.has(i) && text !== '' ? ctx.hashPersonal(text.trim()) : text;
  });
  return raw;
}

/**
 * Parses and checks one row against its dataset (docs/inbox.md): every cell by type, then the rules that
 * span columns. Registry membership and duplicate keys need the whole inbox and are checked in SQL.
 */
export function parseRow(
  spec: DatasetSpec,
  mapping: HeaderMapping,
  header: readonly Cell[],
  cells: readonly Cell[],
  ctx: RowContext,
): { row: ParsedRow } | { problems: Problem[]; raw: Record<string, string> } {
  const values: Record<string, Value | null> = {};
  const problems: Problem[] = [];
  const headerOf: Record<string, string> = {};
  const unitOf: Record<string, string> = {};
  for (const { spec: column, index, header: label, factor, unit } of mapping.columns) {
    headerOf[column.name] = label;
    if (unit) unitOf[column.name] = unit;
    const cell = cells[index];
    if (column.required && isBlank(cell)) {
      problems.push({ column: label, rule: 'missing_value', reason: 'missing value' });
      continue;
    }
    let value = parseCell(cell, column, factor, ctx.currentYear);
    if (value instanceof Invalid) {
      problems.push({ column: label, rule: value.rule, reason: value.reason });
      continue;
    }
    if (column.personal && typeof value === 'string') value = ctx.hashPersonal(value);
    values[column.name] = value;
  }
  for (const column of spec.columns) if (!(column.name in values)) values[column.name] ??= null;
  if (problems.length === 0) crossChecks(spec.name, values, headerOf, unitOf, ctx, problems);
  if (problems.length > 0) {
    // A roster cell may hold anything a clerk typed (an ID number in the wrong column): its reasons
    // name the fault, never the value, since reasons are published and listed in reports.
    if (spec.columns.some((c) => c.personal)) for (const p of problems) p.reason = withoutValue(p.reason);
    return { problems, raw: rawCells(mapping, header, cells, ctx) };
  }
  const key = JSON.stringify(spec.key.map((k) => values[k]));
  const digest = JSON.stringify(spec.columns.map((c) => values[c.name]));
  return { row: { values, key, digest, extras: mapping.extras.length ? extraCells(mapping, cells) : null } };
}

/** A reason without the value it quotes: every reason names its fault before the first ': '. */
function withoutValue(reason: string): string {
  const cut = reason.indexOf(': ');
  return cut === -1 ? reason : reason.slice(0, cut);
}

/** The cells of the columns no spec column claimed, kept aside by header (JSON). */
function extraCells(mapping: HeaderMapping, cells: readonly Cell[]): string {
  const extras: Record<string, string> = {};
  for (const { index, header } of mapping.extras) extras[header] = cellText(cells[index]);
  return JSON.stringify(extras);
}

function crossChecks(
  dataset: string,
  values: Record<string, Value | null>,
  headerOf: Record<string, string>,
  unitOf: Record<string, string>,
  ctx: RowContext,
  problems: Problem[],
): void {
  const label = (name: string) => headerOf[name] ?? name;
  if (dataset === 'communities' && values.urban_rural === null) {
    const inferred = urbanRuralOfCode(values.community_code as string);
    if (inferred) values.urban_rural = inferred;
    else {
      problems.push({
        column: label('urban_rural'),
        rule: 'urban_rural_unknown',
        reason: `urban/rural not given and not readable from the code: ${values.community_code}`,
      });
    }
  }
  if (dataset === 'facilities' && values.facility_type === 'service_center' && values.present === true) {
    if (values.floor_area_m2 === null) {
      problems.push({
        column: label('floor_area_m2'),
        rule: 'missing_value',
        reason: 'missing value: required when a service centre is present',
      });
    }
  }
  if (dataset === 'staff') {
    if ((values.hired_on as string) > ctx.today) {
      problems.push({
        column: label('hired_on'),
        rule: 'future_date',
        reason: `date in the future: ${values.hired_on}`,
      });
    }
    if (values.left_on !== null && (values.left_on as string) < (values.hired_on as string)) {
      problems.push({
        column: label('left_on'),
        rule: 'left_before_hired',
        reason: `left before hired: left ${values.left_on}, hired ${values.hired_on}`,
      });
    } else if (values.left_on !== null && (values.left_on as string) > ctx.today) {
      problems.push({ column: label('left_on'), rule: 'future_date', reason: `date in the future: ${values.left_on}` });
    }
  }
  if (dataset === 'funding') {
    // A unit column states the unit row by row; a unit in the header as well must say the same.
    const headerUnit = unitOf.amount;
    if (values.unit === null) {
      // The header's unit, if any, was applied when the cell was parsed.
    } else if (headerUnit === undefined) {
      const factor = MONEY_UNITS[values.unit as string] ?? 1;
      values.amount = Math.round((values.amount as number) * factor * 100) / 100;
    } else if ((MONEY_UNITS[headerUnit] ?? 1) !== (MONEY_UNITS[values.unit as string] ?? 1)) {
      problems.push({
        column: label('unit'),
        rule: 'unit_conflict',
        reason: `unit ${values.unit} contradicts the header ${headerOf.amount}`,
      });
    }
    // Amounts are stored in yuan whatever unit they came in, so equal amounts compare equal.
    values.unit = '元';
  }
}
