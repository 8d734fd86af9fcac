import { parseArgs } from 'node:util';
import { EXIT, exitCodeOf } from './cli-error.ts';
import { consoleLogger, jsonLogger } from './logger.ts';
import { rollback } from './publish/rollback.ts';
import { runPipeline, type PipelineResult } from './run-pipeline.ts';
import { SKIP_REASONS } from './extract/list-inbox.ts';
import { accountingLines } from './validate/accounting-lines.ts';

const HELP = `Usage: npm run pipeline -- [options]
       npm run pipeline -- rollback [VERSION] [--site DIR]

Ingests every file under <inbox>/<dataset>/ (communities, facilities, staff, funding, wages) into the
DuckDB warehouse, quarantines rows that break the inbox contract, and publishes a new data version.

Options:
  --inbox DIR        the inbox folder (default: data/inbox)
  --warehouse FILE   the DuckDB warehouse (default: data/warehouse.duckdb)
  --site DIR         the site whose data/ folder receives the new version (default: dist)
  --full-refresh     reload the registry and every file
  --allow-removal    accept a run that removes more than max_removed_share of a dataset's rows, or all
                     of a county's rows of a dataset (files withdrawn on purpose); an empty inbox too
  --new-salt         the worker-id salt is lost for good: make a new one and hash every staff file again
  --standards FILE   the reference standards (default: config/standards.json)
  --config FILE      run settings: versions kept, quarantine limit, freshness (default: config/pipeline.json)
  --keep N           how many published versions to keep (overrides the settings)
  --log-format F     text (default) or json, one object per line for cron and journald
  --debug            show stack traces of unexpected errors
  -h, --help         show this help

rollback points the site back at VERSION, or at the version before the live one.

Exit codes: 0 published (quarantined rows are reported, not fatal); 1 failed, the last publication
untouched; 2 bad command line; 75 another run holds the lock.`;

function summaryText(result: PipelineResult): string {
  const { ingest } = result;
  if (result.noop || !ingest)
    return [
      `run ${result.runId}: inbox unchanged, version ${result.version} stays live`,
      // Nothing in the inbox goes unmentioned, even on a night with nothing new.
      ...(result.skipped.length
        ? [
            `${result.skipped.length} paths not read:`,
            ...result.skipped.map((s) => `  ${s.path}: ${SKIP_REASONS[s.reason]}`),
          ]
        : []),
    ].join('\n');
  const lines = [
    `run ${result.runId}${result.synthetic ? ' (synthetic demo data)' : ''}: published version ${result.version}`,
    ...accountingLines(ingest),
  ];
  if (ingest.quarantinedByRule.length > 0) {
    lines.push('see the quarantine table in the warehouse, or quality.json in the published version');
  }
  if (ingest.warnings > 0) lines.push(`warnings: ${ingest.warnings} kept rows to look at (table row_warning)`);
  const warned = result.tests.filter((t) => t.status === 'warn');
  lines.push(`data tests: ${result.tests.length - warned.length} passed, ${warned.length} warned`);
  if (result.changes) {
    const c = result.changes;
    lines.push(`changes: ${c.files_added} files added, ${c.files_changed} changed, ${c.files_removed} removed`);
    const byDataset = (rows: Record<string, number>) =>
      Object.entries(rows)
        .map(([d, n]) => `${d} ${n}`)
        .join(', ') || 'none';
    lines.push(`rows added: ${byDataset(c.rows_added)}; rows removed: ${byDataset(c.rows_removed)}`);
  }
  return lines.join('\n');
}

function usage(message: string): number {
  process.stderr.write(`bad command line: ${message}\n\n${HELP}\n`);
  return EXIT.usage;
}

/** The `npm run pipeline` entry: the one place errors become messages and exit codes. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        inbox: { type: 'string', default: 'data/inbox' },
        warehouse: { type: 'string', default: 'data/warehouse.duckdb' },
        site: { type: 'string', default: 'dist' },
        'full-refresh': { type: 'boolean', default: false },
        'allow-removal': { type: 'boolean', default: false },
        'new-salt': { type: 'boolean', default: false },
        standards: { type: 'string' },
        config: { type: 'string' },
        keep: { type: 'string' },
        'log-format': { type: 'string', default: 'text' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const format = values['log-format'];
  if (format !== 'text' && format !== 'json') return usage(`--log-format must be text or json: ${format}`);
  const keep = values.keep === undefined ? undefined : Number(values.keep);
  if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1))
    return usage(`--keep must be a whole number of at least 1: ${values.keep}`);
  const [command, ...rest] = positionals;
  if (command !== undefined && command !== 'rollback')
    return usage(`unknown command: ${command} (the only command is rollback)`);
  if (command === 'rollback' && rest.length > 1) return usage(`rollback takes at most one version: ${rest.join(' ')}`);
  const logger = format === 'json' ? jsonLogger() : consoleLogger();
  try {
    if (command === 'rollback') {
      const version = await rollback(values.site, rest[0]);
      logger.info(`current version is now ${version}`);
      process.stdout.write(`rolled back: ${version} is live\n`);
      return EXIT.ok;
    }
    const result = await runPipeline({
      inbox: values.inbox,
      warehouse: values.warehouse,
      site: values.site,
      fullRefresh: values['full-refresh'],
      allowRemoval: values['allow-removal'],
      newSalt: values['new-salt'],
      ...(values.standards ? { standards: values.standards } : {}),
      ...(values.config ? { config: values.config } : {}),
      ...(keep !== undefined ? { keepVersions: keep } : {}),
      logger,
    });
    const summary = summaryText(result);
    if (format === 'json') logger.info(summary.replaceAll('\n', '; '));
    else process.stdout.write(`${summary}\n`);
    return EXIT.ok;
  } catch (error) {
    return exitCodeOf(error, logger, values.debug);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
