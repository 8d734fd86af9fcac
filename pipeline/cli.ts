import { parseArgs } from 'node:util';
import { CliError, EXIT } from './cli-error.ts';
import { consoleLogger } from './logger.ts';
import { runPipeline, type PipelineResult } from './run-pipeline.ts';

const HELP = `Usage: npm run pipeline -- [options]

Ingests every file under <inbox>/<dataset>/ (communities, facilities, staff, funding, wages) into the
DuckDB warehouse, quarantines rows that break the inbox contract, and publishes a new data version.

Options:
  --inbox DIR        the inbox folder (default: data/inbox)
  --warehouse FILE   the DuckDB warehouse (default: data/warehouse.duckdb)
  --site DIR         the site whose data/ folder receives the new version (default: dist)
  --full-refresh     reload the registry and every file
  --standards FILE   the reference standards (default: config/standards.json)
  --debug            show stack traces of unexpected errors
  -h, --help         show this help

Exit codes: 0 published (quarantined rows are reported, not fatal); 1 failed, the last publication
untouched; 2 bad command line; 75 another run holds the lock.`;

function summaryText(result: PipelineResult): string {
  const { ingest } = result;
  const lines = [
    `run ${result.runId}${result.synthetic ? ' (synthetic demo data)' : ''}: published version ${result.version}`,
    `files: ${ingest.files.length} read${ingest.skipped.length ? `, ${ingest.skipped.length} skipped` : ''}`,
    `rows: ${ingest.rowsRead} read = ${ingest.rowsKept} kept + ${ingest.rowsQuarantined} quarantined`,
  ];
  if (ingest.quarantinedByRule.length > 0) {
    lines.push('quarantined by reason:');
    for (const r of ingest.quarantinedByRule) lines.push(`  ${r.dataset}: ${r.rule}: ${r.rows}`);
    lines.push('see the quarantine table in the warehouse, or quality.json in the published version');
  }
  if (ingest.warnings > 0) lines.push(`warnings: ${ingest.warnings} kept rows to look at (table row_warning)`);
  return lines.join('\n');
}

/** The `npm run pipeline` entry: the one place errors become messages and exit codes. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        inbox: { type: 'string', default: 'data/inbox' },
        warehouse: { type: 'string', default: 'data/warehouse.duckdb' },
        site: { type: 'string', default: 'dist' },
        'full-refresh': { type: 'boolean', default: false },
        standards: { type: 'string' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`bad command line: ${(error as Error).message}\n\n${HELP}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const logger = consoleLogger();
  try {
    const result = await runPipeline({
      inbox: values.inbox,
      warehouse: values.warehouse,
      site: values.site,
      fullRefresh: values['full-refresh'],
      ...(values.standards ? { standards: values.standards } : {}),
      logger,
    });
    process.stdout.write(`${summaryText(result)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      logger.error(error.message);
      return error.exitCode;
    }
    logger.error(values.debug ? ((error as Error).stack ?? String(error)) : `unexpected: ${(error as Error).message} (run with --debug for details)`);
    return EXIT.failed;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
