import { readFile } from 'node:fs/promises';
import { CliError } from '../cli-error.ts';
import { CHECKABLE_MEASURES } from '../../contract/indicators.ts';
import type { Standard } from '../../contract/standard.ts';

/** The standards shipped with the product, which a user may edit or replace with --standards. */
export const DEFAULT_STANDARDS = new URL('../../config/standards.json', import.meta.url);

/** Reads and checks a standards file, naming the file, the standard and the field that is wrong. */
export async function readStandards(file: URL | string = DEFAULT_STANDARDS): Promise<Standard[]> {
  const name = typeof file === 'string' ? file : file.pathname;
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read standards: ${name}: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new CliError(`standards must be a JSON array: ${name}`);
  const seen = new Set<string>();
  return data.map((s: Partial<Standard>, i) => {
    const where = `${name}, standard ${s.id ?? `#${i + 1}`}`;
    if (typeof s.id !== 'string' || !/^[a-z0-9_]+$/.test(s.id))
      throw new CliError(`bad id in ${where}: ${String(s.id)}`);
    if (seen.has(s.id)) throw new CliError(`duplicate standard id in ${name}: ${s.id}`);
    seen.add(s.id);
    if (s.level !== 'community' && s.level !== 'region')
      throw new CliError(`bad level in ${where}: ${String(s.level)} (community or region)`);
    if (!['all', 'urban', 'rural'].includes(s.applies_to as string))
      throw new CliError(`bad applies_to in ${where}: ${String(s.applies_to)}`);
    if (typeof s.scope !== 'string' || !/^(CN|\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(s.scope))
      throw new CliError(`bad scope in ${where}: ${String(s.scope)}`);
    if (!Array.isArray(s.checks) || s.checks.length === 0) throw new CliError(`no checks in ${where}`);
    for (const c of s.checks) {
      if (!CHECKABLE_MEASURES.has(c.indicator))
        throw new CliError(`unknown indicator in ${where}: ${String(c.indicator)}`);
      if (c.min === undefined && c.max === undefined)
        throw new CliError(`check without min or max in ${where}: ${c.indicator}`);
    }
    return { zh: '', en: '', source: '', ...s } as Standard;
  });
}
