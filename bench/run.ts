import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBrief } from './brief.ts';
import { benchDashboard } from './dashboard.ts';
import { benchDemo } from './demo.ts';
import { benchIngest, benchRegistryLoad } from './ingest.ts';
import { machineDescription } from './machine.ts';
import { benchNightly } from './nightly.ts';

// `npm run bench [-- --only NAME[,NAME]]`: every benchmark, written to bench/reports/<date>.md.
// Figures are for this machine at this time; compare ratios measured in one run rather than seconds
// across runs. The national sections generate a 2-year national demo inbox (all 620,572 communities,
// 2023-2024) so the whole report fits in well under an hour on 2 cores.
const { values } = parseArgs({ args: process.argv.slice(2), options: { only: { type: 'string' } } });
const only = values.only?.split(',');
const work = join(tmpdir(), 'community-balance-bench');
const national = join(work, 'demo-national-2023-2024');

const sections: { name: string; title: string; run: () => Promise<string[]> }[] = [
  { name: 'registry', title: 'Registry', run: benchRegistryLoad },
  { name: 'ingest', title: 'Ingest (issue 2)', run: () => benchIngest(join(work, 'ingest')) },
  {
    name: 'demo',
    title: 'Demo inbox (issue 3)',
    run: async () => [...(await benchDemo(work, 'seed')), ...(await benchDemo(work, 'national'))],
  },
  {
    name: 'nightly',
    title: 'Nightly runs and metrics at national scale (issues 4 and 6)',
    run: async () => {
      const rows = existsSync(national) ? [] : await benchDemo(work, 'national', '2023-2024');
      return [...rows, ...(await benchNightly(join(work, 'nightly'), national, 'national, 2 years'))];
    },
  },
  { name: 'dashboard', title: 'Dashboard (issue 5)', run: () => benchDashboard(join(work, 'dashboard')) },
  {
    name: 'brief',
    title: 'Inspection brief, PDF and Word (issues 7 and 15)',
    run: () => benchBrief(join(work, 'brief')),
  },
];

const lines = ['# Benchmarks', '', machineDescription(), ''];
for (const section of sections) {
  if (only && !only.includes(section.name)) continue;
  process.stderr.write(`bench: ${section.title}…\n`);
  lines.push(
    `## ${section.title}`,
    '',
    '| what | figure | note |',
    '| --- | --- | --- |',
    ...(await section.run()),
    '',
  );
}
const dir = new URL('./reports/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const path = join(dir, `${new Date().toISOString().slice(0, 10)}${only ? `-${only.join('-')}` : ''}.md`);
writeFileSync(path, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\nreport written to ${path}\n`);
