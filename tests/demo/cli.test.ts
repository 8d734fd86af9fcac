import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from './inbox-reader.ts';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const CLI = join(process.cwd(), 'tools', 'demo', 'cli.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function demo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function hashes(out: string): Promise<Record<string, string>> {
  const map: Record<string, string> = {};
  for (const f of await listFiles(out))
    map[f] = createHash('sha256')
      .update(await readFile(join(out, f)))
      .digest('hex');
  return map;
}

describe('npm run demo', () => {
  it('exits 2 with a message on a bad command line', async () => {
    const result = await demo(['--scale', 'city']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad --scale: city/);
  });

  it('writes the same files with two worker threads as with one, and says what it wrote', async () => {
    const args = ['--scale', 'national', '--only-prefix', '63,64', '--years', '2019-2020'];
    const one = await demo([...args, '--workers', '1', '--out', join(dir, 'one')]);
    const two = await demo([...args, '--workers', '2', '--out', join(dir, 'two')]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toMatch(/wrote a synthetic demo inbox/);
    expect(two.stdout).toMatch(/bad rows to be quarantined: \d+/);
    expect(await hashes(join(dir, 'two'))).toEqual(await hashes(join(dir, 'one')));
  });
});
