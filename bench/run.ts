import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrief } from './brief.ts';
import { benchDashboard } from './dashboard.ts';
import { benchDemo } from './demo.ts';
import { benchIngest, benchRegistryLoad } from './ingest.ts';
import { machineDescription } from './machine.ts';
import { benchNightly } from './nightly.ts';

// `npm run bench [-- --only NAME[,NAME]] [--years 2020-2024] [--inbox DIR]`: every benchmark, written
// to bench/reports/<date>.md. Figures are for this machine at this time; compare ratios measured in one
// run rather than seconds across runs. The national sections run on a national demo inbox of the
// given years (all 620,572 communities; 2020-2024 by default, as issue 16 asks): the one in --inbox
// (or BENCH_NATIONAL_INBOX), which the bench only reads, or else one generated under the temp folder.
// The report file is rewritten as each figure comes in, so a bench cut short leaves what it measured.
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { only: { type: 'string' }, years: { type: 'string' }, inbox: { type: 'string' } },
});
const only = values.only?.split(',');
const years = values.years ?? '2020-2024';
if (!/^\d{4}-\d{4}$/.test(years)) throw new Error(`--years is not a range like 2020-2024: ${years}`);
const work = join(tmpdir(), 'community-balance-bench');
const given = values.inbox ?? process.env.BENCH_NATIONAL_INBOX;
const national = given ? resolve(given) : join(work, `demo-national-${years}`);
if (given && !existsSync(join(national, 'manifest.json')))
  throw new Error(`--inbox is not a demo inbox (no manifest.json): ${national}`);
const yearCount = Number(years.slice(5)) - Number(years.slice(0, 4)) + 1;

const sections: { name: string; title: string; run: (emit: (...rows: string[]) => void) => Promise<unknown> }[] = [
  { name: 'registry', title: 'Registry', run: async (emit) => emit(...(await benchRegistryLoad())) },
  {
    name: 'ingest',
    title: 'Ingest (issue 2)',
    run: async (emit) => emit(...(await benchIngest(join(work, 'ingest')))),
  },
  {
    name: 'demo',
    title: 'Demo inbox (issue 3)',
    run: async (emit) => {
      emit(...(await benchDemo(work, 'seed')));
      emit(...(await benchDemo(work, 'national')));
    },
  },
  {
    name: 'nightly',
    title: `Nightly runs and metrics at national scale, ${years} (issues 4, 6 and 16)`,
    run: async (emit) => {
      if (!existsSync(national)) emit(...(await benchDemo(work, 'national', years)));
      else emit(`| inbox | ${given ? 'given' : 'reused'} | ${national} (only read) |`);
      const started = performance.now();
      await benchNightly(join(work, 'nightly'), national, `national, ${yearCount} years`, emit);
      emit(`| the nightly section, all phases | ${((performance.now() - started) / 60_000).toFixed(1)} min | |`);
    },
  },
  {
    name: 'dashboard',
    title: 'Dashboard (issue 5)',
    run: async (emit) => emit(...(await benchDashboard(join(work, 'dashboard')))),
  },
  {
    name: 'brief',
    title: 'Inspection brief, PDF and Word (issues 7 and 15)',
    run: async (emit) => emit(...(await benchBrief(join(work, 'brief')))),
  },
];

const dir = new URL('./reports/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const path = join(dir, `${new Date().toISOString().slice(0, 10)}${only ? `-${only.join('-')}` : ''}.md`);
const lines = ['# Benchmarks', '', machineDescription(), ''];
const save = (closing: string[] = []) => {
  writeFileSync(`${path}.tmp`, `${[...lines, ...closing].join('\n')}\n`);
  renameSync(`${path}.tmp`, path);
};
for (const section of sections) {
  if (only && !only.includes(section.name)) continue;
  process.stderr.write(`bench: ${section.title}…\n`);
  lines.push(`## ${section.title}`, '', '| what | figure | note |', '| --- | --- | --- |');
  save(['', '(running)']);
  await section.run((...rows) => {
    lines.push(...rows);
    for (const row of rows) process.stdout.write(`${row}\n`);
    save(['', '(running)']);
  });
  lines.push('');
}
save([`- finished: ${new Date().toISOString()}`]);
process.stdout.write(`report written to ${path}\n`);
