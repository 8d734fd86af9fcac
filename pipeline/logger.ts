/** Where pipeline stages report progress; tests pass a silent or recording one. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Human-readable progress on stderr, so stdout stays free for results. */
export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  return {
    info: (m) => void stream.write(`${m}\n`),
    warn: (m) => void stream.write(`warning: ${m}\n`),
    error: (m) => void stream.write(`error: ${m}\n`),
  };
}

/** A logger that keeps every line, for tests and for the run record. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => void lines.push(m),
    warn: (m) => void lines.push(`warning: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
  };
}

/** One JSON object per line on stderr (time, level, message), for cron mail filters and journald. */
export function jsonLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const line = (level: string, message: string) =>
    void stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, message })}\n`);
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m) => line('error', m),
  };
}
