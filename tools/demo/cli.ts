/** `npm run demo`: writes the synthetic demo inbox and prints what it wrote. */
import { CliError } from '../../pipeline/cli-error.ts';
import { consoleLogger } from '../../pipeline/logger.ts';
import { DEMO_USAGE, parseDemoArgs } from './demo-args.ts';
import { generateDemoInbox, type DemoSummary } from './generate.ts';

/** A short account of a run for the terminal. */
export function describeSummary(s: DemoSummary): string {
  const lines = [
    `wrote a synthetic demo inbox (示例数据) to ${s.out}`,
    `  scale ${s.scale}, years ${s.years[0]}-${s.years[s.years.length - 1]}, seed ${s.seed}: ${s.communities} communities in ${s.counties} counties`,
    `  ${s.files.length} files, ${(s.bytes / 1e6).toFixed(1)} MB, in ${(s.elapsedMs / 1000).toFixed(1)} s`,
    ...Object.entries(s.rows).map(([d, n]) => `  ${d.padEnd(12)} ${String(n).padStart(10)} rows`),
    `  bad rows to be quarantined: ${s.bad_rows.total} (${JSON.stringify({ ...s.bad_rows, total: undefined })})`,
    `  identical duplicates (kept once, warned): ${s.warnings.identical_duplicate}`,
  ];
  for (const u of s.skipped_units) lines.push(`  skipped ${u.code} ${u.name}: ${u.reason}`);
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseDemoArgs(argv);
  if (args.help) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return 0;
  }
  const summary = await generateDemoInbox({ ...args.options, logger: consoleLogger() });
  process.stdout.write(`${describeSummary(summary)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
