import { appendFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bareRead } from './bare-read.ts';
import { measureCommand, type Measured } from './measure-command.ts';

const root = new URL('..', import.meta.url).pathname;

const stepMs = (run: Measured, step: string) =>
  Number(new RegExp(`step: ${step} \\((\\d+) ms`).exec(run.stderr)?.[1] ?? NaN) / 1000;

/**
 * The nightly job over a large inbox: a full rebuild (with the models' own time), an unchanged rerun,
 * and a rerun after one file changed, each a separate process, then the bare cost of reading the same
 * files with DuckDB (bare-read.ts) that the ingest and the rebuild are measured against, in the same
 * session. `inbox` is an existing inbox folder (the national demo); one of its files gets a row
 * appended for the last run.
 */
export async function benchNightly(work: string, inbox: string, label: string): Promise<string[]> {
  rmSync(work, { recursive: true, force: true });
  const args = (...extra: string[]) => [
    '--import',
    'tsx',
    '--import',
    './bench/peak-rss.mjs',
    'pipeline/cli.ts',
    '--inbox',
    inbox,
    '--warehouse',
    join(work, 'warehouse.duckdb'),
    '--site',
    join(work, 'site'),
    ...extra,
  ];
  const full = await measureCommand(process.execPath, args(), root);
  const unchanged = await measureCommand(process.execPath, args(), root);
  const funding = join(inbox, 'funding');
  const file = readdirSync(funding, { recursive: true, withFileTypes: true }).find(
    (e) => e.isFile() && e.name.endsWith('.csv'),
  )!;
  const changedPath = join(file.parentPath, file.name);
  // A real change: the file's first data row once more (its bytes, whatever the encoding), which the
  // pipeline keeps once with a warning.
  const bytes = readFileSync(changedPath);
  const first = bytes.indexOf(0x0a);
  appendFileSync(changedPath, bytes.subarray(first + 1, bytes.indexOf(0x0a, first + 1) + 1));
  const oneFile = await measureCommand(process.execPath, args(), root);
  const bare = await bareRead(inbox, join(work, 'bare-read'));
  const floor = bare.transcodeSeconds + bare.readSeconds;
  const ratio = (seconds: number) => `${(seconds / floor).toFixed(2)}×`;
  const rows = /rows: (\d+) read/.exec(full.stdout)?.[1];
  const reused = /shards: (\d+ of \d+) files unchanged/.exec(oneFile.stderr)?.[1];
  return [
    `| ${label}: bare read (${bare.files.toLocaleString('en')} CSV/TSV files, ${bare.rows.toLocaleString('en')} rows; workbooks not counted) | ${floor.toFixed(1)} s | ${bare.transcoded.toLocaleString('en')} GB18030 files transcoded to UTF-8 ${bare.transcodeSeconds.toFixed(1)} s + DuckDB read_csv of every file into tables ${bare.readSeconds.toFixed(1)} s |`,
    `| ${label}: ingest / bare read | ${ratio(stepMs(full, 'ingest'))} | target ≤ 1.5× |`,
    `| ${label}: full rebuild / bare read | ${ratio(full.seconds)} | target ≤ 3× |`,
    `| ${label}: full rebuild (${Number(rows).toLocaleString('en')} rows) | ${full.seconds.toFixed(1)} s | peak RSS ${full.peakMiB.toFixed(0)} MiB; ingest ${stepMs(full, 'ingest').toFixed(1)} s, models (metrics) ${stepMs(full, 'models').toFixed(1)} s, publish ${stepMs(full, 'publish').toFixed(1)} s |`,
    `| ${label}: rerun, inbox unchanged | ${unchanged.seconds.toFixed(1)} s | ${((unchanged.seconds / full.seconds) * 100).toFixed(1)}% of the full rebuild |`,
    `| ${label}: rerun, one file changed | ${oneFile.seconds.toFixed(1)} s | ${((oneFile.seconds / full.seconds) * 100).toFixed(1)}% of the full rebuild; ingest ${stepMs(oneFile, 'ingest').toFixed(1)} s, models ${stepMs(oneFile, 'models').toFixed(1)} s, publish ${stepMs(oneFile, 'publish').toFixed(1)} s (${reused ?? 'no'} shard files reused) |`,
  ];
}
