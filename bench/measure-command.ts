import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** Wall time and peak resident memory of a child process. */
export interface Measured {
  seconds: number;
  peakMiB: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command under GNU-time-like accounting: wall time from here, peak RSS from the child's own
 * report (it prints `PEAK_RSS_KB=` from process.resourceUsage at exit, see bench/peak-rss.mjs).
 */
export async function measureCommand(command: string, args: string[], cwd: string, log?: string): Promise<Measured> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // A copy of the child's log as it comes, so a bench cut short still shows how far each run got.
  const copy = log ? createWriteStream(log) : undefined;
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    copy?.write(d);
  });
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  copy?.end();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`);
  const peak = /PEAK_RSS_KB=(\d+)/.exec(stderr);
  return { seconds, peakMiB: peak ? Number(peak[1]) / 1024 : NaN, stdout, stderr };
}
