import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../../db/run-sql-file.ts';
import { quoteIdentifier } from '../../db/quote-identifier.ts';
import { appliesTo, evaluateStandard, inScope } from '../../../core/standards/evaluate-standard.ts';
import type { Standard } from '../../../contract/standard.ts';

type Row = Record<string, unknown>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Judges the affected community-years against every community standard and the affected regions'
 * group values against every region standard (affected.sql), with the same pure evaluator the
 * dashboard uses, then summarises by region in SQL; `place` puts each table's new rows in place.
 */
export async function computeCompliance(
  connection: DuckDBConnection,
  standards: readonly Standard[],
  place: (table: string, by?: string) => Promise<void>,
): Promise<void> {
  await runSqlFile(connection, new URL('./compliance-tables.sql', import.meta.url));
  const defs = await connection.createAppender('standard_def');
  for (const s of standards) {
    defs.appendVarchar(s.id);
    defs.appendVarchar(s.level);
    defs.appendVarchar(s.applies_to);
    defs.appendVarchar(s.scope);
    defs.appendVarchar(JSON.stringify(s.checks));
    defs.appendVarchar(s.zh);
    defs.appendVarchar(s.en);
    defs.appendVarchar(s.source);
    defs.endRow();
  }
  defs.closeSync();

  const communityStandards = standards.filter((s) => s.level === 'community');
  const measures = [...new Set(communityStandards.flatMap((s) => s.checks.map((c) => c.indicator)))];
  const all = await connection.createAppender('new_compliance_all');
  try {
    // Only the columns the standards read: every community-year passes through JS here, and decoding
    // all of its ~50 columns made this the slowest model.
    const columns = ['community_code', 'year', 'urban_rural', ...measures].map(quoteIdentifier).join(', ');
    const result = await connection.stream(
      `select ${columns} from community_year where county_affected(community_code)`,
    );
    for await (const rows of result.yieldRowObjectJs()) {
      for (const row of rows as Row[]) {
        const values: Record<string, number | null> = {};
        for (const m of measures) values[m] = num(row[m]);
        const code = row.community_code as string;
        for (const s of communityStandards) {
          if (!appliesTo(s, row.urban_rural as string | null)) continue;
          const measured: Record<string, number | null> = {};
          for (const c of s.checks) measured[c.indicator] = values[c.indicator] ?? null;
          all.appendVarchar(s.id);
          all.appendVarchar(code);
          all.appendInteger(row.year as number);
          all.appendVarchar(evaluateStandard(s, values));
          all.appendBoolean(inScope(s, code));
          all.appendVarchar(JSON.stringify(measured));
          all.endRow();
        }
      }
    }
  } finally {
    all.closeSync();
  }

  const rules = await connection.createAppender('compliance_region_rule');
  try {
    for (const s of standards.filter((x) => x.level === 'region')) {
      // A region standard checks one group's value; its checks all name indicators of group_value.
      const group = s.applies_to === 'all' ? null : s.applies_to;
      const rows = await runSqlFile(connection, new URL('./region-standard-values.sql', import.meta.url), {
        params: { indicators: listValue(s.checks.map((c) => c.indicator)), group: group ?? '' },
      });
      const byRegion = new Map<string, Row[]>();
      for (const r of rows) {
        const key = `${r.level as string}|${r.region_code as string}|${r.year as number}`;
        if (!byRegion.has(key)) byRegion.set(key, []);
        byRegion.get(key)!.push(r);
      }
      for (const [key, list] of byRegion) {
        const [level, region, year] = key.split('|') as [string, string, string];
        const values: Record<string, number | null> = {};
        for (const r of list) values[r.indicator as string] = num(r.value);
        rules.appendVarchar(s.id);
        rules.appendVarchar(level);
        rules.appendVarchar(region);
        rules.appendInteger(Number(year));
        rules.appendBoolean(inScope(s, region));
        rules.appendVarchar(evaluateStandard(s, values));
        const first = s.checks[0]!.indicator;
        const v = values[first];
        if (v === null || v === undefined) rules.appendNull();
        else rules.appendDouble(v);
        rules.endRow();
      }
    }
  } finally {
    rules.closeSync();
  }
  await runSqlFile(connection, new URL('./compliance.sql', import.meta.url));
  await place('compliance_all', 'community_code');
  await place('compliance_region');
  await place('compliance_community', 'community_code');
}
