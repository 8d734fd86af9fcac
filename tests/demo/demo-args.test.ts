import { describe, expect, it } from 'vitest';
import { CliError } from '../../pipeline/cli-error.ts';
import { parseDemoArgs, parseYears } from '../../tools/demo/demo-args.ts';

function options(argv: string[]) {
  const args = parseDemoArgs(argv);
  if (args.help) throw new Error('unexpected help');
  return args.options;
}

function usageError(argv: string[]): CliError {
  try {
    parseDemoArgs(argv);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('npm run demo arguments', () => {
  it('default to the seed scale, 2015-2024, data/inbox and seed 1', () => {
    expect(options([])).toMatchObject({ scale: 'seed', years: [2015, 2024], out: 'data/inbox', seed: 1, workers: 1 });
  });

  it('read every option, in both --flag value and --flag=value forms', () => {
    expect(
      options([
        '--scale',
        'national',
        '--years=2019-2020',
        '--out',
        'x',
        '--seed',
        '7',
        '--only-prefix',
        '61,62',
        '--max-counties',
        '3',
        '--workers',
        '2',
        '--force',
      ]),
    ).toMatchObject({
      scale: 'national',
      years: [2019, 2020],
      out: 'x',
      seed: 7,
      onlyPrefixes: ['61', '62'],
      maxCounties: 3,
      workers: 2,
      force: true,
    });
    expect(parseYears('2019')).toEqual([2019, 2019]);
  });

  it('ask for help with --help', () => {
    expect(parseDemoArgs(['--help'])).toEqual({ help: true });
  });

  it('reject a bad command line with exit code 2', () => {
    for (const argv of [
      ['--scale', 'city'],
      ['--years', '15-24'],
      ['--seed', '-1'],
      ['--bogus'],
      ['--out'],
      ['--only-prefix', 'abc'],
    ]) {
      expect(usageError(argv).exitCode).toBe(2);
    }
  });
});
