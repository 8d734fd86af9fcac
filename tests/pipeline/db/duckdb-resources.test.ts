import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineResources } from '../../../pipeline/db/duckdb-resources.ts';
import { openWarehouse } from '../../../pipeline/db/open-warehouse.ts';
import { runSql } from '../../../pipeline/db/run-sql-file.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline } from '../../../pipeline/run/run-pipeline.ts';
import { duckDbResources, readPipelineConfig } from '../../../pipeline/run/pipeline-config.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

const GB = 1024 ** 3;

describe('DuckDB memory and threads', () => {
  const dir = tempDir('cb-resources-');
  const settings = (extra: Record<string, unknown>) => {
    const path = join(dir, `pipeline-${Object.keys(extra).join('-') || 'plain'}.json`);
    writeFileSync(path, JSON.stringify({ keep_versions: 5, max_quarantine_share: 1, ...extra }));
    return path;
  };

  it('takes 40% of the machine, between 256 MB and 2.5 GB, and every core', () => {
    expect(machineResources(2 * GB, 2)).toEqual({ memory_limit: '819MB', threads: 2 });
    expect(machineResources(24 * GB, 8)).toEqual({ memory_limit: '2560MB', threads: 8 });
    expect(machineResources(0.5 * GB, 1)).toEqual({ memory_limit: '256MB', threads: 1 });
  });

  it('gives the connection the settings it is opened with', async () => {
    const warehouse = await openWarehouse(':memory:', { memory_limit: '700MB', threads: 1 });
    try {
      const [s] = await runSql(
        warehouse.connection,
        `select current_setting('memory_limit') as memory, current_setting('threads') as threads`,
      );
      // DuckDB reports 700 MB (10^6 bytes) in MiB.
      expect(s).toEqual({ memory: '667.5 MiB', threads: 1n });
      // Freed memory goes back to the system after each task: without it the resident set of a national
      // run stood 1.6 GiB above the ceiling.
      const [a] = await runSql(
        warehouse.connection,
        `select current_setting('allocator_flush_threshold') as flush,
           current_setting('allocator_bulk_deallocation_flush_threshold') as bulk,
           current_setting('allocator_background_threads') as background`,
      );
      expect(a).toEqual({ flush: '16.0 MiB', bulk: '32.0 MiB', background: true });
    } finally {
      warehouse.close();
    }
  });

  it('lets config/pipeline.json override the machine, and checks the values', async () => {
    const machine = { memory_limit: '2000MB', threads: 4 };
    expect(duckDbResources(await readPipelineConfig(settings({})), machine)).toEqual(machine);
    expect(
      duckDbResources(await readPipelineConfig(settings({ duckdb_memory_limit: '1GB', duckdb_threads: 1 })), machine),
    ).toEqual({ memory_limit: '1GB', threads: 1 });
    await expect(readPipelineConfig(settings({ duckdb_memory_limit: 'lots' }))).rejects.toThrow(
      /bad setting in .*: duckdb_memory_limit: lots \(expected a size such as 3GB\)/,
    );
    await expect(readPipelineConfig(settings({ duckdb_threads: 0 }))).rejects.toThrow(
      /bad setting in .*: duckdb_threads: 0/,
    );
  });

  it('runs the pipeline on a connection with the configured settings', async () => {
    const logger = memoryLogger();
    await runPipeline({
      inbox: fixture('inbox-metrics'),
      warehouse: join(dir, 'warehouse.duckdb'),
      site: join(dir, 'site'),
      config: settings({ duckdb_memory_limit: '1GB', duckdb_threads: 1 }),
      now: FIXTURE_NOW,
      logger,
    });
    expect(logger.lines).toContain('duckdb: memory_limit 953.6 MiB, threads 1');
  });
});
