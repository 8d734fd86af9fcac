import type { PlotOptions } from '@observablehq/plot';

/** The look every chart shares: the page's font, readable text, no background of its own. */
export const PLOT_DEFAULTS = {
  className: 'cb-plot',
  style: { fontSize: '12px', fontFamily: 'inherit', background: 'transparent', overflow: 'visible' },
} satisfies PlotOptions;

/** A height that gives each row of a horizontal chart room for its label. */
export function rowsHeight(rows: number, perRow = 28, extra = 50): number {
  return Math.max(120, rows * perRow + extra);
}

/** Roughly how wide a label is drawn at 12px: CJK characters are square, Latin ones about half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 12.5 : 6.8;
  return width;
}

/** A left margin that fits the longest of the labels of a band axis. */
export function labelMargin(labels: readonly string[], min = 60, max = 260): number {
  return Math.round(Math.min(max, Math.max(min, ...labels.map(textWidth)) + 14));
}
