import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../pipeline/cli-error.ts';
import { generateDemoInbox, runDemoScale, type DemoOptions } from '../../tools/demo/generate.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-publish-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Chengdong alone, one year: 60 communities, fast.
const small = (out: string, extra: Partial<DemoOptions> = {}): DemoOptions => ({
  scale: 'seed',
  years: [2019, 2019],
  seed: 1,
  out,
  onlyPrefixes: ['630102'],
  ...extra,
});

async function rejection(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('writing the inbox folder', () => {
  it('creates the folder, and leaves no temporary folder beside it', async () => {
    const out = join(dir, 'fresh', 'inbox');
    const summary = await generateDemoInbox(small(out));
    expect(summary.communities).toBe(60);
    expect((await readdir(out)).sort()).toEqual([
      'SYNTHETIC.md',
      'communities',
      'facilities',
      'funding',
      'manifest.json',
      'staff',
      'wages',
    ]);
    expect(await readdir(join(dir, 'fresh'))).toEqual(['inbox']);
  });

  it('fills an existing empty folder (what npm start does on a fresh clone)', async () => {
    const out = join(dir, 'empty');
    await mkdir(out);
    await generateDemoInbox(small(out));
    expect(await readdir(out)).toContain('manifest.json');
  });

  it('replaces a previous demo inbox, but refuses a folder holding anything else unless forced', async () => {
    const out = join(dir, 'reused');
    await generateDemoInbox(small(out));
    await generateDemoInbox(small(out, { seed: 2 }));
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).seed).toBe(2);

    await writeFile(join(out, 'communities', 'real-bureau-file.csv'), 'x');
    const error = await rejection(generateDemoInbox(small(out, { seed: 3 })));
    expect(error.message).toMatch(/not empty/);
    expect(await readFile(join(out, 'communities', 'real-bureau-file.csv'), 'utf8')).toBe('x');
    expect((await readdir(dir)).filter((f) => f.startsWith('.'))).toEqual([]);

    await generateDemoInbox(small(out, { seed: 3, force: true }));
    expect(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')).seed).toBe(3);
  });

  it('reports a filter that matches no community as a usage error', async () => {
    const error = await rejection(generateDemoInbox(small(join(dir, 'none'), { onlyPrefixes: ['99'] })));
    expect(error.exitCode).toBe(2);
  });

  it('gives benchmarks the files, rows and bytes of a run', async () => {
    const totals = await runDemoScale('province', join(dir, 'bench'), {
      years: [2019, 2019],
      onlyPrefixes: ['6110'],
      workers: 1,
    });
    expect(totals.files).toBeGreaterThan(10);
    expect(totals.rows).toBeGreaterThan(1_000);
    expect(totals.bytes).toBeGreaterThan(100_000);
  });

  it('writes communities as XLSX and the rest as CSV at province scale', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'bench', 'manifest.json'), 'utf8')) as {
      files: { dataset: string; format: string }[];
    };
    const formats = (d: string) => new Set(manifest.files.filter((f) => f.dataset === d).map((f) => f.format));
    expect(formats('communities')).toEqual(new Set(['xlsx']));
    for (const d of ['facilities', 'staff', 'funding', 'wages']) expect(formats(d)).toEqual(new Set(['csv']));
  });
});
