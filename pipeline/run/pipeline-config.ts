import { readFile } from 'node:fs/promises';
import { CliError } from '../cli-error.ts';
import { machineResources, type DuckDbResources } from '../db/duckdb-resources.ts';

/** The nightly run's settings (config/pipeline.json), each overridable on the command line. */
export interface PipelineConfig {
  /** How many published versions to keep, the live one included. */
  keep_versions: number;
  /** A run that would remove more than this share of a dataset's kept rows fails, unless --allow-removal. */
  max_removed_share: number;
  /** A quarantine rate above this share of rows read fails the run (data test quarantine_rate). */
  max_quarantine_share: number;
  /** A dataset of a county whose last file came in longer ago than this is flagged stale. */
  freshness_warn_days: number;
  /** A community's funding per household this many times above or below its county median is implausible. */
  funding_outlier_factor: number;
  /** DuckDB's memory ceiling, e.g. `3GB`; absent: from the machine (see machineResources). */
  duckdb_memory_limit?: string;
  /** DuckDB's worker threads; absent: every core. */
  duckdb_threads?: number;
}

const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

export const DEFAULT_CONFIG_FILE = new URL('../../config/pipeline.json', import.meta.url);

/** Reads the pipeline settings, naming the file and the setting that is wrong. */
export async function readPipelineConfig(file: URL | string = DEFAULT_CONFIG_FILE): Promise<PipelineConfig> {
  const name = typeof file === 'string' ? file : file.pathname;
  let data: Partial<PipelineConfig> & Record<string, unknown>;
  try {
    data = JSON.parse(await readFile(file, 'utf8')) as Partial<PipelineConfig> & Record<string, unknown>;
  } catch (error) {
    throw new CliError(`cannot read pipeline settings: ${name}: ${(error as Error).message}`);
  }
  const { duckdb_memory_limit: memory, duckdb_threads: threads, ...numbers } = data;
  if (memory !== undefined && (typeof memory !== 'string' || !SIZE.test(memory.trim())))
    throw new CliError(`bad setting in ${name}: duckdb_memory_limit: ${String(memory)} (expected a size such as 3GB)`);
  if (threads !== undefined && (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1))
    throw new CliError(`bad setting in ${name}: duckdb_threads: ${String(threads)} (expected a whole number from 1)`);
  const config = {
    keep_versions: 5,
    max_quarantine_share: 0.05,
    max_removed_share: 0.2,
    freshness_warn_days: 45,
    funding_outlier_factor: 10,
    ...numbers,
  };
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new CliError(`bad setting in ${name}: ${key}: ${String(value)}`);
  }
  if (config.max_removed_share > 1)
    throw new CliError(`bad setting in ${name}: max_removed_share must be a share between 0 and 1`);
  if (config.keep_versions < 1) throw new CliError(`bad setting in ${name}: keep_versions must be at least 1`);
  return {
    ...config,
    ...(memory !== undefined ? { duckdb_memory_limit: memory.trim() } : {}),
    ...(threads !== undefined ? { duckdb_threads: threads } : {}),
  };
}

/** DuckDB's resources for a run: the settings file's, else the machine's. */
export function duckDbResources(config: PipelineConfig, machine = machineResources()): DuckDbResources {
  return {
    memory_limit: config.duckdb_memory_limit ?? machine.memory_limit,
    threads: config.duckdb_threads ?? machine.threads,
  };
}
