import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listInbox } from '../../../pipeline/ingest/list-inbox.ts';
import { memoryLogger } from '../../../pipeline/logger.ts';
import { runPipeline } from '../../../pipeline/run/run-pipeline.ts';
import { FIXTURE_NOW, fixture, tempDir } from '../../helpers/fixtures.ts';

const exec = promisify(execFile);
const root = new URL('../../../', import.meta.url).pathname;

/** An inbox with every kind of path a bureau's share holds besides data. */
function messyInbox(): string {
  const inbox = join(tempDir('cb-list-'), 'inbox');
  cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
  writeFileSync(join(inbox, 'manifest.json'), '{}');
  writeFileSync(join(inbox, 'SYNTHETIC.md'), '# demo\n');
  writeFileSync(join(inbox, '说明.txt'), 'x');
  writeFileSync(join(inbox, 'funding_2020.csv'), 'community_code,year\n');
  mkdirSync(join(inbox, 'community'));
  writeFileSync(join(inbox, 'community', 'a.csv'), 'x\n');
  writeFileSync(join(inbox, 'staff', 'roster_2018.xls'), 'x');
  writeFileSync(join(inbox, 'staff', '说明.doc'), 'x');
  writeFileSync(join(inbox, 'staff', 'notes.pdf'), 'x');
  writeFileSync(join(inbox, 'staff', '~$roster.xlsx'), 'x');
  writeFileSync(join(inbox, 'staff', '.DS_Store'), 'x');
  // A file kept elsewhere and linked in, a link back to the dataset folder, and a dangling link.
  const elsewhere = join(inbox, '..', 'elsewhere');
  mkdirSync(elsewhere);
  renameSync(join(inbox, 'wages', 'wages.csv'), join(elsewhere, 'wages.csv'));
  symlinkSync(join(elsewhere, 'wages.csv'), join(inbox, 'wages', 'wages.csv'));
  mkdirSync(join(inbox, 'facilities', '2019'));
  symlinkSync(join(inbox, 'facilities'), join(inbox, 'facilities', '2019', 'again'));
  symlinkSync(join(inbox, 'nowhere.csv'), join(inbox, 'funding', 'gone.csv'));
  return inbox;
}

describe('listing the inbox', () => {
  it('names every path it does not read, with the reason', async () => {
    const listing = await listInbox(messyInbox());
    expect(listing.skipped).toEqual([
      { path: 'SYNTHETIC.md', reason: 'inbox_note' },
      { path: 'community/', reason: 'not_dataset_folder' },
      { path: 'facilities/2019/again/', reason: 'symlink_loop' },
      { path: 'funding/gone.csv', reason: 'broken_link' },
      { path: 'funding_2020.csv', reason: 'root_file' },
      { path: 'manifest.json', reason: 'inbox_manifest' },
      { path: 'staff/.DS_Store', reason: 'hidden' },
      { path: 'staff/notes.pdf', reason: 'unsupported_format' },
      { path: 'staff/roster_2018.xls', reason: 'old_excel' },
      { path: 'staff/~$roster.xlsx', reason: 'office_lock' },
      { path: 'staff/说明.doc', reason: 'old_excel' },
      { path: '说明.txt', reason: 'inbox_note' },
    ]);
    expect(listing.files.map((f) => f.name)).toEqual([
      'communities/communities.csv',
      'facilities/facilities_2019.csv',
      'funding/funding_wan.csv',
      'funding/funding_yuan.csv',
      'staff/roster.csv',
      'wages/wages.csv',
    ]);
  });

  it('prints them in the run summary, reads the linked file, and publishes them on the quality page', async () => {
    const inbox = messyInbox();
    const dir = join(inbox, '..');
    const logger = memoryLogger();
    const options = {
      inbox,
      warehouse: join(dir, 'w.duckdb'),
      site: join(dir, 'site'),
      now: FIXTURE_NOW,
      logger,
    };
    const first = await runPipeline(options);
    const wages = first.ingest!.files.find((f) => f.path === 'wages/wages.csv');
    expect(wages?.rowsKept).toBeGreaterThan(0);
    expect(logger.lines).toContain(
      'warning: not read: staff/roster_2018.xls: an old Excel or Word file (.xls, .doc): save it as .xlsx or CSV',
    );
    // A note beside the data is expected there: named, but no warning every night.
    expect(logger.lines).toContain(
      'not read: SYNTHETIC.md: a note beside the data (README, .md, .txt), not data; nothing to do',
    );
    expect(logger.lines.filter((l) => l.startsWith('warning:') && l.includes('SYNTHETIC.md'))).toEqual([]);
    const quality = JSON.parse(readFileSync(join(dir, 'site', 'data', first.version, 'quality.json'), 'utf8'));
    expect(quality.skipped).toHaveLength(12);
    expect(quality.skipped).toContainEqual({ path: 'community/', reason: 'not_dataset_folder' });
    // A new file that is not read is news too: the quality page must show it.
    writeFileSync(join(inbox, 'funding', 'budget.xls'), 'x');
    const second = await runPipeline({ ...options, now: new Date(FIXTURE_NOW.getTime() + 60_000) });
    expect(second.noop).toBe(false);
    expect(second.skipped).toContainEqual({ path: 'funding/budget.xls', reason: 'old_excel' });
    // With nothing new at all, the run is a no-op that still names what it did not read.
    const third = await runPipeline({ ...options, now: new Date(FIXTURE_NOW.getTime() + 120_000) });
    expect(third.noop).toBe(true);
    expect(third.skipped).toHaveLength(13);
  });

  it('re-reads a file edited in place with the same size and its modification time restored', async () => {
    const dir = tempDir('cb-inplace-');
    const inbox = join(dir, 'inbox');
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    const options = { inbox, warehouse: join(dir, 'w.duckdb'), site: join(dir, 'site'), now: FIXTURE_NOW };
    const file = join(inbox, 'funding', 'funding_yuan.csv');
    // Whole seconds, as copy tools set them, so the restored time is exactly the old one.
    const copied = new Date('2026-11-01T08:00:00Z');
    utimesSync(file, copied, copied);
    await runPipeline({ ...options, logger: memoryLogger() });
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('610202005003,2019,county,work,30000', '610202005003,2019,county,work,31000');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, copied, copied);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    const next = await runPipeline({
      ...options,
      now: new Date(FIXTURE_NOW.getTime() + 60_000),
      logger: memoryLogger(),
    });
    expect(next.noop).toBe(false);
    expect(next.changes?.files_changed).toBe(1);
  });

  it('refuses a folder or file it may not read with a plain message naming it and what to do', async () => {
    const dir = tempDir('cb-eacces-');
    const inbox = join(dir, 'inbox');
    cpSync(fixture('inbox-metrics'), inbox, { recursive: true });
    chmodSync(dir, 0o755);
    chmodSync(join(inbox, 'staff'), 0o000);
    // Root reads anything: drop the capabilities that let it, as the pipeline's own user would lack them.
    const run = (args: string[]) =>
      exec(
        'setpriv',
        [
          '--inh-caps=-all',
          '--bounding-set=-dac_override,-dac_read_search',
          '--',
          process.execPath,
          '--import',
          'tsx',
          'pipeline/cli.ts',
          ...args,
        ],
        { cwd: root },
      ).then(
        (r) => ({ code: 0, stderr: r.stderr }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
    const args = ['--inbox', inbox, '--warehouse', join(dir, 'w.duckdb'), '--site', join(dir, 'site')];
    const folder = await run(args);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain(
      'error: permission denied reading the inbox folder: staff/: give the user that runs the pipeline read access to it',
    );
    expect(folder.stderr).not.toContain('unexpected');
    chmodSync(join(inbox, 'staff'), 0o755);
    chmodSync(join(inbox, 'staff', 'roster.csv'), 0o000);
    const file = await run(args);
    expect(file.code).toBe(1);
    expect(file.stderr).toContain('error: permission denied reading the inbox file: staff/roster.csv');
    expect(file.stderr).not.toContain('unexpected');
  });
});
