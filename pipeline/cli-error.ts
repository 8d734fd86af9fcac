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

/**
 * Reports an error the way every CLI entry does and returns its exit code: a CliError as its
 * message, anything else (a bug) as one line, with the stack only when `debug` asks for it.
 */
export function exitCodeOf(
  error: unknown,
  logger: { error(message: string): void; warn(message: string): void },
  debug = false,
): number {
  if (error instanceof CliError) {
    // A run that found another one at work did no harm: a warning a scheduler's log filter can count.
    if (error.exitCode === EXIT.locked) logger.warn(error.message);
    else logger.error(error.message);
    return error.exitCode;
  }
  logger.error(
    debug
      ? ((error as Error).stack ?? String(error))
      : `unexpected: ${(error as Error).message} (run with --debug for details)`,
  );
  return EXIT.failed;
}
