import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoInbox } from '../../tools/demo/generate.ts';
import { listFiles } from './inbox-reader.ts';

let dir: string;

async function hashes(out: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const f of await listFiles(out))
    map.set(
      f,
      createHash('sha256')
        .update(await readFile(join(out, f)))
        .digest('hex'),
    );
  return map;
}

// Two years of the seed scale exercise every writer (XLSX, sheets per year, GB18030, BOM, CRLF).
const run = (name: string, seed: number) =>
  generateDemoInbox({ scale: 'seed', years: [2018, 2019], seed, out: join(dir, name) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-determinism-'));
  await run('a', 1);
  await run('b', 1);
  await run('c', 2);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('determinism', () => {
  it('gives byte-identical files, manifest included, for the same seed and options', async () => {
    const a = await hashes(join(dir, 'a'));
    const b = await hashes(join(dir, 'b'));
    expect(a.size).toBeGreaterThan(50);
    expect([...a.keys()].some((f) => f.endsWith('.xlsx'))).toBe(true);
    expect(b).toEqual(a);
  });

  it('gives other data, in the same files, for another seed', async () => {
    const a = await hashes(join(dir, 'a'));
    const c = await hashes(join(dir, 'c'));
    expect([...c.keys()]).toEqual([...a.keys()]);
    const differing = [...a.keys()].filter((f) => a.get(f) !== c.get(f));
    expect(differing.length).toBeGreaterThan(a.size / 2);
  });

  it('stamps workbooks with a fixed creator and date, never the time of the run', async () => {
    const file = (await listFiles(join(dir, 'a'))).find((f) => f.endsWith('.xlsx'))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'a', file));
    expect(workbook.creator).toContain('community-balance demo');
    expect(workbook.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });
});
