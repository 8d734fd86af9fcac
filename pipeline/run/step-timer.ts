import type { DuckDBConnection } from '@duckdb/node-api';
import { runSqlFile } from '../db/run-sql-file.ts';
import type { Logger } from '../logger.ts';
import { memoryNote } from '../memory-note.ts';

/** One timed step of a run. */
export interface Step {
  step: string;
  started_at: string;
  ms: number;
  rows: number | null;
}

/** Times the steps of a run, logs each, and stores them in run_step. */
export class StepTimer {
  readonly steps: Step[] = [];
  constructor(private readonly logger: Logger) {}

  async time<T>(step: string, run: () => Promise<T>, rows?: (result: T) => number): Promise<T> {
    const started = new Date();
    const t0 = performance.now();
    const result = await run();
    const ms = Math.round(performance.now() - t0);
    const n = rows ? rows(result) : null;
    this.steps.push({ step, started_at: started.toISOString(), ms, rows: n });
    this.logger.info(`step: ${step} (${ms} ms${n === null ? '' : `, ${n} rows`}); ${memoryNote()}`);
    return result;
  }

  /**
   * Starts a step that must be recorded before it ends: publishing writes the run record into the
   * version it publishes, so its step is finished (timed up to that point) from inside.
   */
  begin(step: string): (rows: number | null) => void {
    const started = new Date();
    const t0 = performance.now();
    return (rows) => {
      const ms = Math.round(performance.now() - t0);
      this.steps.push({ step, started_at: started.toISOString(), ms, rows });
      this.logger.info(`step: ${step} (${ms} ms${rows === null ? '' : `, ${rows} rows`}); ${memoryNote()}`);
    };
  }

  async store(connection: DuckDBConnection, runId: string): Promise<void> {
    for (const s of this.steps) {
      await runSqlFile(connection, new URL('./record-step.sql', import.meta.url), {
        params: { run_id: runId, step: s.step, started_at: s.started_at, ms: s.ms, rows: s.rows },
      });
    }
  }
}
