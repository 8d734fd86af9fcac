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
 * its buffer pool come on top of the ceiling. So: 40% of memory, at most 2.5 GB, at least 256 MB; every
 * core. At 3 GB (2.8 GiB) two national 5-year rebuilds peaked at 4,024 and 4,199 MiB resident, about
 * 1.3 GiB above the ceiling; a nightly job is meant to stay within 4 GB, spilling the rest to disk.
 */
export function machineResources(totalBytes = totalmem(), cores = availableParallelism()): DuckDbResources {
  const mb = Math.max(256, Math.min(2.5 * 1024, Math.floor((totalBytes * 0.4) / MB)));
  return { memory_limit: `${mb}MB`, threads: Math.max(1, cores) };
}
