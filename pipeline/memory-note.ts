const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/**
 * The process's memory at the end of a step, split so a large figure can be placed: the JS heap
 * (rows held as objects), buffers outside it (Arrow and file data), and the rest of the resident size,
 * which is mostly DuckDB's own (bounded by its memory_limit) plus code.
 */
export function memoryNote(): string {
  const m = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024;
  return `memory: rss ${mib(m.rss)} (peak ${mib(peak)}), js heap ${mib(m.heapUsed)}, buffers ${mib(m.external + m.arrayBuffers)}`;
}
