import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { diskUsage, mb } from './du.ts';
import { measureCommand } from './measure-command.ts';

const root = new URL('..', import.meta.url).pathname;

/** Generates the demo inbox at a scale in a child process: wall time, peak memory, size on disk. */
export async function benchDemo(work: string, scale: 'seed' | 'national', years?: string): Promise<string[]> {
  const out = join(work, `demo-${scale}${years ? `-${years}` : ''}`);
  rmSync(out, { recursive: true, force: true });
  const args = [
    '--import',
    'tsx',
    '--import',
    './bench/peak-rss.mjs',
    'tools/demo/cli.ts',
    '--scale',
    scale,
    '--out',
    out,
    '--force',
  ];
  if (years) args.push('--years', years);
  const run = await measureCommand(process.execPath, args, root);
  const { bytes, files } = diskUsage(out);
  // The CLI prints one "<dataset> <n> rows" line per dataset.
  const rows = [...(run.stdout + run.stderr).matchAll(/^\s+\w+\s+(\d+) rows$/gm)].reduce((s, m) => s + Number(m[1]), 0);
  return [
    `| demo --scale ${scale}${years ? ` --years ${years}` : ''} | ${run.seconds.toFixed(1)} s | peak RSS ${run.peakMiB.toFixed(0)} MiB; ${files} files, ${mb(bytes)} on disk; ${rows.toLocaleString('en')} rows |`,
  ];
}
