/** The command line of `npm run demo` (README.md). */
import { CliError } from '../../pipeline/cli-error.ts';
import { DEMO_DEFAULTS, defaultWorkers, type DemoOptions } from './generate.ts';
import { SCALES, type Scale } from './house-style.ts';

/** Usage text. */
export const DEMO_USAGE = `usage: npm run demo -- [--scale seed|province|national] [--years 2015-2024] [--out DIR] [--seed N]
                      [--only-prefix CODE[,CODE…]] [--max-counties N] [--workers N] [--force]

Writes a synthetic inbox (every file name starts with 示例数据_, plus manifest.json and SYNTHETIC.md).
  --scale         seed: the five seed places (default); province: Shaanxi (61); national: every community
  --years         first-last year, inclusive (default 2015-2024)
  --out           output folder (default data/inbox); an existing one must be empty or a previous demo inbox
  --seed          random seed, a whole number (default 1); the same seed and options give identical files
  --only-prefix   only communities whose code starts with one of these prefixes (a bounded subset)
  --max-counties  only the first N counties of the scale
  --workers       worker threads (default: 1 for seed scale, the cores up to 4 otherwise); same files either way
  --force         replace a non-empty output folder`;

/** Parsed arguments: options, or a request for help. */
export type DemoArgs = { help: true } | { help: false; options: DemoOptions };

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`bad ${flag}: ${value} (expected a whole number)`, 2);
  return Number(value);
}

/** Reads the years option: `2015-2024` or a single `2019`. */
export function parseYears(value: string): [number, number] {
  const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(value.trim());
  if (!m) throw new CliError(`bad --years: ${value} (expected e.g. 2015-2024)`, 2);
  const first = Number(m[1]);
  return [first, m[2] ? Number(m[2]) : first];
}

/** Parses `npm run demo` arguments; errors are CliErrors with exit code 2. */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const options: DemoOptions = { ...DEMO_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--force') {
      options.force = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new CliError(`missing value for ${flag}`, 2);
      return next;
    };
    switch (flag) {
      case '--scale': {
        const value = takeValue();
        if (!SCALES.includes(value as Scale))
          throw new CliError(`bad --scale: ${value} (expected ${SCALES.join(', ')})`, 2);
        options.scale = value as Scale;
        break;
      }
      case '--years':
        options.years = parseYears(takeValue());
        break;
      case '--out':
        options.out = takeValue();
        break;
      case '--seed':
        options.seed = wholeNumber(flag, takeValue());
        break;
      case '--only-prefix': {
        const prefixes = takeValue()
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        if (prefixes.some((p) => !/^\d{1,12}$/.test(p)))
          throw new CliError(`bad --only-prefix: expected code prefixes of digits`, 2);
        options.onlyPrefixes = prefixes;
        break;
      }
      case '--workers':
        options.workers = Math.max(1, wholeNumber(flag, takeValue()));
        break;
      case '--max-counties':
        options.maxCounties = wholeNumber(flag, takeValue());
        break;
      default:
        throw new CliError(`unknown option: ${arg}\n${DEMO_USAGE}`, 2);
    }
  }
  options.workers ??= defaultWorkers(options.scale);
  return { help: false, options };
}
