import { availableParallelism, totalmem } from 'node:os';

/** How much of the machine DuckDB may take: its buffer ceiling and its worker threads. */
export interface DuckDbResources {
  /** A DuckDB size, e.g. `3GB` or `1500MB`. */
  memory_limit: string;
  threads: number;
}

const MB = 1024 * 1024;

/**
 * The defaults for a machine: DuckDB's own default (80% of memory, every core) would let one nightly
 * job crowd out the other users of a shared server, and Node's heap and DuckDB's allocations outside
 * its buffer pool come on top of the ceiling. So: 40% of memory, at most 3 GB (a national rebuild then
 * stays within a 4 GB resident set, spilling the rest to disk), at least 256 MB; every core.
 */
export function machineResources(totalBytes = totalmem(), cores = availableParallelism()): DuckDbResources {
  const mb = Math.max(256, Math.min(3 * 1024, Math.floor((totalBytes * 0.4) / MB)));
  return { memory_limit: `${mb}MB`, threads: Math.max(1, cores) };
}
