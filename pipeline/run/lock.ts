import { hostname } from 'node:os';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError, EXIT } from '../cli-error.ts';

/** What the holder note beside the warehouse says about the run that has it open. */
export interface LockInfo {
  pid: number;
  host: string;
  started_at: string;
}

/**
 * Leaves a note naming this run beside the warehouse, for the message a concurrent run prints. The
 * note is not the lock: the lock is DuckDB's own OS-level lock on the warehouse file, which the
 * kernel drops with the process however it ends, so no stale note (another host, a reused pid) can
 * ever block a run. Returns the function that removes the note.
 */
export function writeLockNote(path: string, now: Date = new Date()): () => void {
  const info: LockInfo = { pid: process.pid, host: hostname(), started_at: now.toISOString() };
  mkdirSync(dirname(path), { recursive: true });
  // A lock directory left by an older release, or a note of a killed run: neither holds anything.
  rmSync(path, { recursive: true, force: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(info)}\n`);
  renameSync(`${path}.tmp`, path);
  return () => {
    try {
      const held = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
      if (held.pid === process.pid && held.host === info.host) rmSync(path, { force: true });
    } catch {
      // Already gone, or replaced by a later run's note: leave it.
    }
  };
}

/**
 * The exit-75 error for a warehouse whose OS lock another process holds, naming the holder: DuckDB
 * gives its pid; the note says since when, if it is that process's note.
 */
export function lockedError(warehouse: string, duckdbMessage: string): CliError {
  const pid = Number(/\(PID (\d+)\)/.exec(duckdbMessage)?.[1] ?? Number.NaN);
  let since = '';
  try {
    const note = JSON.parse(readFileSync(`${warehouse}.lock`, 'utf8')) as LockInfo;
    if (note.pid === pid) since = ` on ${note.host} since ${note.started_at}`;
  } catch {
    // No note: the holder is not a pipeline run (a DuckDB shell, the brief tool).
  }
  const holder = Number.isNaN(pid) ? 'another process' : `pid ${pid}${since}`;
  return new CliError(
    `another run holds the lock: ${holder} has the warehouse ${warehouse} open; this run did nothing and the next one will try again`,
    EXIT.locked,
  );
}
