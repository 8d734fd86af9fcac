import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute path of a fixture under tests/fixtures/. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** A fresh temporary folder for one test file's outputs. */
export function tempDir(prefix = 'cb-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The date the fixture tests run "on", so future-year checks do not drift with the calendar. */
export const FIXTURE_NOW = new Date(Date.UTC(2026, 10, 23, 8, 0, 0));
