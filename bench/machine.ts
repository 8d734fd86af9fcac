import { cpus, totalmem, hostname, loadavg, release } from 'node:os';

/** What the report says about the machine, so figures are read against it. */
export function machineDescription(): string {
  const cpu = cpus();
  return [
    `- date: ${new Date().toISOString()}`,
    `- host: ${hostname()} (Linux ${release()})`,
    `- cpu: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- node: ${process.version}`,
    `- load at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (1, 5, 15 min)`,
  ].join('\n');
}
