import type { InboxFile } from '../extract/list-inbox.ts';

/** A file's inode and change time as one value: what a restored modification time cannot fake. */
export function statId(file: Pick<InboxFile, 'ino' | 'ctimeMs'>): string {
  return `${file.ino}:${file.ctimeMs}`;
}
