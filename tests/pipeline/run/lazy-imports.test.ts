import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cb-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The packages a process resolves when it loads the CLI's modules, without running a step. */
function packagesLoadedBy(modules: string[]): Set<string> {
  const record = join(dir, `${modules.length}.txt`);
  const imports = modules.map((m) => `await import(${JSON.stringify(join(root, m))});`).join(' ');
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(root, 'tests/pipeline/run/record-imports.mjs'),
      '--input-type=module',
      '-e',
      imports,
    ],
    { cwd: root, env: { ...process.env, RECORD_IMPORTS: record }, stdio: 'pipe' },
  );
  const packages = new Set<string>();
  for (const url of readFileSync(record, 'utf8').split('\n')) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) packages.add(m[1]!);
  }
  return packages;
}

// The nightly run on an unchanged inbox must finish in about the time it takes Node to start
// (issue 16: ≤ 2 s). exceljs and apache-arrow alone cost seconds to load, so they are loaded only by
// the steps that read a workbook or write shards.
describe('modules an unchanged run loads', () => {
  it('leaves exceljs and apache-arrow to the steps that need them', () => {
    const packages = packagesLoadedBy(['pipeline/run/run-pipeline.ts', 'pipeline/publish/rollback.ts']);
    expect(packages).toContain('@duckdb/node-api');
    expect(packages).not.toContain('exceljs');
    expect(packages).not.toContain('apache-arrow');
  });
});
