import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXIT, exitCodeOf } from '../pipeline/cli-error.ts';
import { buildSite } from './build-site.ts';
import { DEMO_DEFAULTS, generateDemoInbox } from './demo/generate.ts';
import { consoleLogger } from '../pipeline/logger.ts';
import { runPipeline } from '../pipeline/run/run-pipeline.ts';
import { serveStatic } from './serve/static-server.ts';

const INBOX = 'data/inbox';
const SITE = 'dist';

/**
 * `npm start`: the main job on the embedded default. Writes the synthetic demo inbox if the inbox is
 * empty, runs the pipeline, builds the dashboard and serves it on localhost until interrupted.
 */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: '5173' }, 'no-serve': { type: 'boolean', default: false } },
  });
  const logger = consoleLogger();
  try {
    if (!existsSync(INBOX) || readdirSync(INBOX).length === 0) {
      logger.info(`inbox ${INBOX} is empty: writing the synthetic demo inbox (示例数据)…`);
      const demo = await generateDemoInbox({ ...DEMO_DEFAULTS, out: INBOX, logger });
      logger.info(`demo inbox: ${demo.files.length} files in ${Math.round(demo.elapsedMs / 100) / 10} s`);
    }
    const result = await runPipeline({ inbox: INBOX, warehouse: 'data/warehouse.duckdb', site: SITE, logger });
    logger.info(
      result.noop
        ? `data unchanged: version ${result.version}`
        : `published version ${result.version}${result.synthetic ? ' (synthetic demo data 示例数据)' : ''}`,
    );
    logger.info('building the dashboard…');
    await buildSite(SITE);
    if (values['no-serve']) return EXIT.ok;
    const server = await serveStatic(SITE, Number(values.port)).catch(() => serveStatic(SITE, 0));
    process.stdout.write(`\ncommunity-balance dashboard: ${server.url}\n(Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    await server.close();
    return EXIT.ok;
  } catch (error) {
    return exitCodeOf(error, logger, true);
  }
}

process.exitCode = await main(process.argv.slice(2));
