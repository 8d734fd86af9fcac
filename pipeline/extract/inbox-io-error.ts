import { CliError } from '../cli-error.ts';

/**
 * The message for a file or folder of the inbox the operating system would not let the run read:
 * what it is, and what the operator does about it. Other errors pass through unchanged.
 */
export function inboxIoError(error: unknown, what: 'file' | 'folder', name: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM')
    return new CliError(
      `permission denied reading the inbox ${what}: ${name}: give the user that runs the pipeline read access to it (chmod -R a+rX, or the share's group) and run again; nothing was loaded`,
    );
  if (code === 'EIO' || code === 'ESTALE' || code === 'ENOTCONN' || code === 'EHOSTDOWN')
    return new CliError(
      `the inbox ${what} could not be read (${code}): ${name}: check that the share holding the inbox is mounted and reachable, then run again; nothing was loaded`,
    );
  return error;
}
