import { copyFileSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * A stand-in for a read-only inbox that the bench may change one file of: every entry is a symbolic
 * link into the original (the pipeline follows links), except the folders leading to `editable`, which
 * are real, and `editable` itself, which is a copy. The original is never written, even when the bench
 * is killed halfway. Returns the path of the copy.
 */
export function shadowInbox(inbox: string, shadow: string, editable: string): string {
  rmSync(shadow, { recursive: true, force: true });
  const parts = editable.split(sep);
  let from = inbox;
  let to = shadow;
  for (const [depth, part] of parts.entries()) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) {
      if (entry !== part) symlinkSync(join(from, entry), join(to, entry));
    }
    from = join(from, part);
    to = join(to, part);
    if (depth === parts.length - 1) copyFileSync(from, to);
  }
  return to;
}
