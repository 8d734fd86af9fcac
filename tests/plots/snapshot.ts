import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'snapshots');

/**
 * A chart's SVG as stable text: floats rounded to two decimals (so a last-digit change in a layout
 * library does not fail a test), generated ids numbered from 1, one tag per line for readable diffs.
 */
export function serializeSvg(svg: Element): string {
  const clone = svg.cloneNode(true) as Element;
  if (clone.tagName.toLowerCase() === 'svg') clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const ids = new Map<string, string>();
  return (
    clone.outerHTML
      .replace(/(-?\d+\.\d+)(e-?\d+)?/g, (whole) => String(Math.round(Number(whole) * 100) / 100))
      .replace(/\b(plot-clip|chart-title|plot)-(\d+)\b/g, (whole, kind: string) => {
        if (!ids.has(whole)) ids.set(whole, `${kind}-${ids.size + 1}`);
        return ids.get(whole)!;
      })
      .replace(/></g, '>\n<') + '\n'
  );
}

/**
 * Compares a chart's SVG with its committed snapshot (tests/plots/snapshots/NAME.svg). A missing
 * snapshot is written, as Plot's own tests do; a mismatch writes NAME.new.svg beside it for review
 * (open both in a browser) and fails.
 */
export function expectSvgSnapshot(name: string, figure: Element): void {
  const svg = figure.querySelector('.chart-plot svg') ?? (figure.tagName.toLowerCase() === 'svg' ? figure : null);
  expect(svg, `${name}: the figure has a plot`).not.toBeNull();
  const actual = serializeSvg(svg!);
  const file = join(SNAPSHOTS, `${name}.svg`);
  const fresh = join(SNAPSHOTS, `${name}.new.svg`);
  mkdirSync(SNAPSHOTS, { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) {
    rmSync(fresh, { force: true });
    return;
  }
  writeFileSync(fresh, actual);
  expect.fail(`${name}.svg differs from its snapshot: see ${fresh}`);
}
