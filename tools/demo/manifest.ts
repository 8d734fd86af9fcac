/**
 * The inbox's synthetic labels: `manifest.json` (machine-readable: the pipeline carries `synthetic` into
 * the warehouse and current.json) and `SYNTHETIC.md` (for a person opening the folder). Neither holds a
 * time or a path, so the same seed and options give the same bytes.
 */
import type { BadRowCounts, WarningCounts } from './bad-rows.ts';
import type { SkippedUnit } from './community-batches.ts';
import type { Scale } from './house-style.ts';
import type { FileEntry } from './inbox-writer.ts';

/** `<inbox>/manifest.json`. */
export interface DemoManifest {
  synthetic: true;
  generator: 'community-balance demo';
  seed: number;
  scale: Scale;
  years: number[];
  only_prefixes: string[];
  max_counties: number | null;
  communities: number;
  counties: number;
  file_prefix: string;
  files: FileEntry[];
  rows: Record<string, number>;
  bad_rows: BadRowCounts & { total: number };
  warnings: WarningCounts;
  skipped_units: SkippedUnit[];
}

export const MANIFEST_FILE = 'manifest.json';
export const MARKER_FILE = 'SYNTHETIC.md';

/** The manifest as written: pretty JSON, files sorted by path. */
export function manifestJson(manifest: DemoManifest): string {
  const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

/** The human-readable marker. */
export function markerText(manifest: DemoManifest): string {
  return `# 示例数据 — synthetic demo data

本目录中的所有文件均为 **示例数据（合成数据）**，由 community-balance 的演示数据生成器按固定随机种子生成，
仅用于演示、测试和性能基准，不代表任何社区、乡镇、区县或部门的真实情况。社区代码和名称取自国家统计局
2023 年统计用区划代码，其余数值均为模拟值，其中部分按项目资料中五份地方报告的数字校准。

Every file in this folder is **synthetic**. It was written by the community-balance demo generator
(\`npm run demo\`) for demonstrations, tests and benchmarks. Community codes and names are the real
NBS 2023 registry's; every figure is simulated, some calibrated to five local-government reports
(see docs/demo.md). Nothing here describes any real community, township, county or bureau.

- seed: ${manifest.seed}
- scale: ${manifest.scale}
- years: ${manifest.years[0]}–${manifest.years[manifest.years.length - 1]}
- communities: ${manifest.communities} in ${manifest.counties} counties
- files: ${manifest.files.length}, every name starting with \`${manifest.file_prefix}\`
- deliberately bad rows (to be quarantined): ${manifest.bad_rows.total}

The machine-readable label is \`${MANIFEST_FILE}\` (\`"synthetic": true\`).
`;
}
