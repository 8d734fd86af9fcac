import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { personalHasher } from '../../pipeline/ingest/worker-salt.ts';

/** The absolute path of a fixture under tests/fixtures/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

const made: string[] = [];

/** A fresh temporary folder for one test file's outputs, removed when the file's tests are done. */
export function tempDir(prefix = 'cb-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Removes the folders tempDir made in this test file (tests/helpers/remove-temp-dirs.ts calls it after
 * the file's own hooks, so servers and mounts are closed first). CB_KEEP_TEMP=1 keeps them to look at.
 */
export function removeTempDirs(): void {
  if (process.env.CB_KEEP_TEMP === '1') return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The date the fixture tests run "on", so future-year checks do not drift with the calendar. */
export const FIXTURE_NOW = new Date(Date.UTC(2026, 10, 23, 8, 0, 0));

/** The row context of an ingest on FIXTURE_NOW, with worker ids hashed under `salt`. */
export function fixtureRowContext(salt: string) {
  return {
    currentYear: FIXTURE_NOW.getUTCFullYear(),
    today: FIXTURE_NOW.toISOString().slice(0, 10),
    hashPersonal: personalHasher(salt),
    now: FIXTURE_NOW,
  };
}
