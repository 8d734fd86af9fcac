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

/** The width charts are drawn at where there is room for it. */
export const CHART_WIDTH = 640;

/**
 * The width a chart gets: the room inside the page's main column (less the padding and border of a
 * chart's frame), at most CHART_WIDTH. A chart drawn at the room it has keeps its 12px text; one
 * drawn at 640 and scaled down to a phone's 390px would read at about 7px.
 */
export function chartWidth(max = CHART_WIDTH): number {
  const main = typeof document === 'undefined' ? null : document.querySelector('main');
  const room = main?.clientWidth ? main.clientWidth - FRAME : max;
  return Math.max(MIN_WIDTH, Math.min(max, Math.floor(room)));
}

// main's padding (2 × 1.25rem) plus a chart frame's padding and border (2 × 1rem + 2px), at 15px.
const FRAME = 2 * 18.75 + 2 * 15 + 2 + 4;
const MIN_WIDTH = 280;

/**
 * A label shortened to fit a width at 12px by an ellipsis in its middle, so that both its start (a
 * file's place, a region's name) and its end (a file's year and type) stay readable; the full text
 * stays in the table.
 */
export function fitLabel(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const chars = [...text];
  let head = Math.ceil(chars.length / 2);
  let tail = chars.length - head;
  const cut = () => `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
  while (head + tail > 2 && textWidth(cut()) > width) {
    if (head >= tail) head--;
    else tail--;
  }
  return cut();
}
