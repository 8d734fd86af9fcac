import { hostname } from 'node:os';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError, EXIT } from '../cli-error.ts';

/** What a lock file says about the run that holds it. */
export interface LockInfo {
  pid: number;
  host: string;
  started_at: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the run lock, a file created exclusively that holds the pid and start time. A lock whose
 * process is gone (same host) is stale and taken over; a live one makes this run exit 75.
 * Returns the function that releases it.
 */
export function acquireLock(path: string, now: Date = new Date()): () => void {
  const info: LockInfo = { pid: process.pid, host: hostname(), started_at: now.toISOString() };
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(info)}\n`);
      } finally {
        closeSync(fd);
      }
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CliError(`cannot create lock file: ${path}: ${(error as NodeJS.ErrnoException).code}`);
      }
    }
    let held: LockInfo | undefined;
    try {
      held = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    } catch {
      held = undefined; // unreadable: a run killed while writing it
    }
    if (held && held.host === info.host && alive(held.pid)) {
      throw new CliError(`another run holds the lock: pid ${held.pid} since ${held.started_at} (${path})`, EXIT.locked);
    }
    if (held && held.host !== info.host) {
      throw new CliError(
        `another host holds the lock: ${held.host} pid ${held.pid} since ${held.started_at} (${path})`,
        EXIT.locked,
      );
    }
    rmSync(path, { force: true });
  }
  throw new CliError(`cannot take the lock: ${path}`, EXIT.locked);
}
