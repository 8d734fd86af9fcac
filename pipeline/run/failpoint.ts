/**
 * A named point where fault tests stop a run: when CB_FAILPOINT names it, the run says so on stderr
 * and waits forever, so a test can kill it exactly there. A no-op otherwise.
 */
export async function failpoint(name: string): Promise<void> {
  if (process.env.CB_FAILPOINT !== name) return;
  process.stderr.write(`failpoint: ${name}\n`);
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
