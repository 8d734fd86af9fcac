import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** What a CLI run returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run pipeline -- …` as the scheduler would (node + tsx, cwd = repo root). */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs `npm run brief -- …`. */
export async function runBriefCli(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'tools/brief/cli.ts', ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * Starts the CLI with a failpoint set and SIGKILLs it as soon as it reports reaching that point,
 * as a crash or an operator's kill -9 would. Resolves with what it printed.
 */
export async function killAtFailpoint(args: string[], failpoint: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, CB_FAILPOINT: failpoint },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`failpoint ${failpoint} never reached:\n${stderr}`));
    }, 60_000);
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes(`failpoint: ${failpoint}`)) child.kill('SIGKILL');
    });
    child.on('close', (_code, signal) => {
      clearTimeout(timeout);
      if (signal === 'SIGKILL' && stderr.includes(`failpoint: ${failpoint}`)) resolve(stderr);
      else reject(new Error(`run ended without reaching failpoint ${failpoint} (signal ${signal}):\n${stderr}`));
    });
  });
}

/**
 * Starts the CLI and SIGKILLs it after `ms` milliseconds, wherever it is by then (it may have finished:
 * then this resolves with its exit code instead of 'killed').
 */
export async function killAfter(args: string[], ms: number): Promise<'killed' | number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', ...args], {
    cwd: root,
    stdio: 'ignore',
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : (code ?? -1));
    });
  });
}
