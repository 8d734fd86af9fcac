import { appendFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { bareRead } from './bare-read.ts';
import { measureCommand, type Measured } from './measure-command.ts';
import { shadowInbox } from './shadow-inbox.ts';

const root = new URL('..', import.meta.url).pathname;

const stepMs = (run: Measured, step: string) =>
  Number(new RegExp(`step: ${step} \\((\\d+) ms`).exec(run.stderr)?.[1] ?? NaN) / 1000;

/** Each step's and model's memory at its end, as the run logged it (pipeline/memory-note.ts). */
const memoryByStep = (run: Measured) =>
  [
    ...run.stderr.matchAll(
      /^(?:step|model): ([^(]+) \((\d+) ms[^;]*\); memory: rss \d+ MiB \(peak (\d+) MiB\), js heap (\d+) MiB, buffers (\d+) MiB$/gm,
    ),
  ]
    .map(
      ([, step, ms, peak, heap, buffers]) =>
        `${step} ${(Number(ms) / 1000).toFixed(0)} s: peak ${peak}, heap ${heap}, buffers ${buffers}`,
    )
    .join('; ');

const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

/**
 * The nightly job over a large inbox, each phase a separate process and reported by `emit` as soon as
 * it ends (a bench cut short still leaves its first figures): the bare cost of reading the files with
 * DuckDB (bare-read.ts) that the ingest and the rebuild are measured against, a full rebuild, an
 * unchanged rerun, and a rerun after one file changed. `inbox` is only read: the runs read a shadow of
 * it (shadow-inbox.ts) whose one copied funding file gets a row appended for the last run. Each run's
 * log is copied beside its warehouse as it comes (`<work>/full-rebuild.log` and so on).
 */
export async function benchNightly(
  work: string,
  inbox: string,
  label: string,
  emit: (...rows: string[]) => void,
): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  const funding = join(inbox, 'funding');
  const file = readdirSync(funding, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.csv'))
    .map((e) => join(e.parentPath, e.name))
    .sort()[0]!;
  const shadow = join(work, 'inbox');
  const changedPath = shadowInbox(inbox, shadow, relative(inbox, file));
  const args = (...extra: string[]) => [
    '--import',
    'tsx',
    '--import',
    './bench/peak-rss.mjs',
    'pipeline/cli.ts',
    '--inbox',
    shadow,
    '--warehouse',
    join(work, 'warehouse.duckdb'),
    '--site',
    join(work, 'site'),
    ...extra,
  ];

  const bare = await bareRead(inbox, join(work, 'bare-read'));
  const floor = bare.transcodeSeconds + bare.readSeconds;
  const ratio = (seconds: number) => `${(seconds / floor).toFixed(2)}×`;
  emit(
    `| ${label}: bare read (${bare.files.toLocaleString('en')} CSV/TSV files, ${bare.rows.toLocaleString('en')} rows; workbooks not counted) | ${floor.toFixed(1)} s | ${bare.transcoded.toLocaleString('en')} GB18030 files transcoded to UTF-8 ${bare.transcodeSeconds.toFixed(1)} s + DuckDB read_csv of every file into tables ${bare.readSeconds.toFixed(1)} s; ${load()} |`,
  );

  const full = await measureCommand(process.execPath, args(), root, join(work, 'full-rebuild.log'));
  const rows = /rows: (\d+) read/.exec(full.stdout)?.[1];
  emit(
    `| ${label}: full rebuild (${Number(rows).toLocaleString('en')} rows) | ${full.seconds.toFixed(1)} s | ${ratio(full.seconds)} the bare read (target ≤ 3×); ingest ${stepMs(full, 'ingest').toFixed(1)} s, models ${stepMs(full, 'models').toFixed(1)} s, data tests ${stepMs(full, 'data tests').toFixed(1)} s, publish ${stepMs(full, 'publish').toFixed(1)} s; ${load()} |`,
    `| ${label}: ingest / bare read | ${ratio(stepMs(full, 'ingest'))} | target ≤ 1.5× |`,
    `| ${label}: full rebuild, peak RSS | ${full.peakMiB.toFixed(0)} MiB | target ≤ 4,096 MiB; at the end of each step (MiB): ${memoryByStep(full)} |`,
  );

  const unchanged = await measureCommand(process.execPath, args(), root, join(work, 'unchanged.log'));
  emit(
    `| ${label}: rerun, inbox unchanged | ${unchanged.seconds.toFixed(1)} s | target ≤ 2 s; ${((unchanged.seconds / full.seconds) * 100).toFixed(1)}% of the full rebuild; ${load()} |`,
  );

  // A real change: the file's first data row once more (its bytes, whatever the encoding), which the
  // pipeline keeps once with a warning.
  const bytes = readFileSync(changedPath);
  const first = bytes.indexOf(0x0a);
  appendFileSync(changedPath, bytes.subarray(first + 1, bytes.indexOf(0x0a, first + 1) + 1));
  const oneFile = await measureCommand(process.execPath, args(), root, join(work, 'one-file.log'));
  const reused = /shards: (\d+ of \d+) files unchanged/.exec(oneFile.stderr)?.[1];
  emit(
    `| ${label}: rerun, one file changed | ${oneFile.seconds.toFixed(1)} s | ${((oneFile.seconds / full.seconds) * 100).toFixed(1)}% of the full rebuild (target ≤ 10%); ingest ${stepMs(oneFile, 'ingest').toFixed(1)} s, models ${stepMs(oneFile, 'models').toFixed(1)} s, publish ${stepMs(oneFile, 'publish').toFixed(1)} s (${reused ?? 'no'} shard files reused); peak RSS ${oneFile.peakMiB.toFixed(0)} MiB; ${load()} |`,
  );
}
