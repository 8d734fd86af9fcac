import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { registryFiles } from '../pipeline/registry/files.ts';
import { urbanRuralOfCode } from '../pipeline/registry/classify.ts';

const FACILITY_NAMES = [
  '社区服务站',
  '日间照料中心',
  '养老院',
  '卫生室',
  '文化活动室',
  '图书室',
  '健身场地',
  '智慧社区平台',
];

/** A tiny deterministic PRNG (mulberry32), so the bench inbox is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((r) => stream.once('drain', () => r()));
}

/**
 * Writes a plain UTF-8 CSV inbox of `communities` communities (every Nth of the registry) × 1 year:
 * one communities row, eight facilities rows and two funding rows each, one file per province and
 * dataset. Returns the number of rows written.
 */
export async function makeIngestInbox(dir: string, communities: number): Promise<number> {
  const rand = random(7);
  const every = Math.max(1, Math.floor(620_573 / communities));
  const lines = createInterface({ input: createReadStream(registryFiles().communities) });
  const streams = new Map<string, WriteStream>();
  const open = async (dataset: string, province: string, header: string) => {
    const key = `${dataset}/${province}`;
    let s = streams.get(key);
    if (!s) {
      mkdirSync(join(dir, dataset), { recursive: true });
      s = createWriteStream(join(dir, dataset, `${province}.csv`));
      streams.set(key, s);
      await write(s, header);
    }
    return s;
  };
  let index = 0;
  let rows = 0;
  for await (const line of lines) {
    if (index++ === 0 || (index - 2) % every !== 0) continue;
    const code = line.slice(0, 12);
    const province = code.slice(0, 2);
    const urban = urbanRuralOfCode(code) === 'urban';
    const households = Math.round(urban ? 1500 + rand() * 2000 : 200 + rand() * 600);
    const c = await open('communities', province, '社区代码,年份,户数,人口,产业支撑,满意度\n');
    await write(
      c,
      `${code},2023,${households},${Math.round(households * 2.7)},${rand() < 0.4 ? '是' : '否'},${(60 + rand() * 40).toFixed(1)}\n`,
    );
    const f = await open('facilities', province, '社区代码,年份,设施类型,是否具备,面积(平方米)\n');
    let block = '';
    for (const name of FACILITY_NAMES) {
      const present = rand() < (urban ? 0.9 : 0.6);
      block += `${code},2023,${name},${present ? '是' : '否'},${present && name === '社区服务站' ? Math.round(200 + rand() * 600) : ''}\n`;
    }
    await write(f, block);
    const m = await open('funding', province, '社区代码,年份,资金来源,资金类别,金额\n');
    await write(
      m,
      `${code},2023,县级财政,工作经费,${urban ? 45000 : 30000}\n${code},2023,集体经济,服务群众专项经费,${Math.round(rand() * 50000)}\n`,
    );
    rows += 11;
    if (rows >= communities * 11) break;
  }
  await Promise.all([...streams.values()].map((s) => new Promise<void>((r) => s.end(() => r()))));
  return rows;
}
