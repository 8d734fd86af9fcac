import { dirname } from 'node:path';
import { CliError } from '../cli-error.ts';

const DISK =
  /No space left on device|ENOSPC|disk is full|Could not write|could not write|Failed to commit|Could not truncate|EROFS|Read-only file system/i;

/**
 * Turns the faults a run meets on a full or read-only disk (DuckDB's IO and transaction errors,
 * Node's ENOSPC) into a plain message naming the folder and what to do; anything else is left as is.
 */
export function plainError(error: unknown, warehouse: string): unknown {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message ?? '';
  if (code === 'ENOSPC' || code === 'EROFS' || code === 'EDQUOT' || DISK.test(message)) {
    const path = (error as NodeJS.ErrnoException).path;
    const where = path ?? warehouse;
    const folder = dirname(where);
    return new CliError(
      `cannot write ${where}: the disk holding ${folder} is full or read-only: free space on it (df -h ${folder}) or make it writable, then run again; nothing was loaded and the last publication stays live`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    const where = (error as NodeJS.ErrnoException).path ?? warehouse;
    return new CliError(
      `permission denied writing ${where}: give the user that runs the pipeline write access to it, then run again; the last publication stays live`,
    );
  }
  return error;
}
