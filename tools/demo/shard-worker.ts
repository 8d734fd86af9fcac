/** Worker-thread entry: runs the shard it is given and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runShard, type ShardSpec } from './shard.ts';

runShard(workerData as ShardSpec).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort!.postMessage({
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
);
