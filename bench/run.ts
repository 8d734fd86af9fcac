import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchIngest, benchRegistryLoad } from './ingest.ts';
import { machineDescription } from './machine.ts';

// `npm run bench`: every benchmark, written to bench/reports/<date>.md. Figures are for this machine
// at this time; compare ratios measured in one run rather than seconds across runs.
const work = join(tmpdir(), 'community-balance-bench');
const sections: { title: string; run: () => Promise<string[]> }[] = [
  { title: 'Registry', run: benchRegistryLoad },
  { title: 'Ingest', run: () => benchIngest(join(work, 'ingest')) },
];

const lines = ['# Benchmarks', '', machineDescription(), ''];
for (const section of sections) {
  process.stderr.write(`bench: ${section.title}…\n`);
  lines.push(`## ${section.title}`, '', '| what | figure | note |', '| --- | --- | --- |', ...(await section.run()), '');
}
const dir = new URL('./reports/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
const path = join(dir, `${new Date().toISOString().slice(0, 10)}.md`);
writeFileSync(path, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\nreport written to ${path}\n`);
