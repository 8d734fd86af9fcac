/**
 * The one error type a user is meant to read: a "problem: value" message and the exit code the CLI
 * returns. Anything else that escapes is a bug, shown with its stack only under --debug.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes of SPEC §7. */
export const EXIT = { ok: 0, failed: 1, usage: 2, locked: 75 } as const;
