/** Writes the inbox's files under a root folder and keeps the list the manifest and summary report. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A dataset folder of the inbox (docs/inbox.md). */
export type Dataset = 'communities' | 'facilities' | 'staff' | 'funding' | 'wages';

export const DATASETS: readonly Dataset[] = ['communities', 'facilities', 'staff', 'funding', 'wages'];

/** One written file. */
export interface FileEntry {
  /** Path relative to the inbox, '/'-separated. */
  path: string;
  dataset: Dataset;
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'xlsx';
  /** Data rows (header rows not counted), bad rows included. */
  rows: number;
  bytes: number;
}

/** Every file name starts with this: the synthetic marker visible without the manifest. */
export const FILE_PREFIX = '示例数据_';

/** Writes files below a root, creating folders as needed. */
export class InboxWriter {
  readonly files: FileEntry[] = [];
  private readonly folders = new Set<string>();

  constructor(readonly root: string) {}

  async write(entry: Omit<FileEntry, 'bytes'>, bytes: Uint8Array): Promise<void> {
    const path = join(this.root, ...entry.path.split('/'));
    const folder = dirname(path);
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    await writeFile(path, bytes);
    this.files.push({ ...entry, bytes: bytes.length });
  }
}
