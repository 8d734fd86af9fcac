import * as Plot from '@observablehq/plot';
import { GROUP_COLORS } from '../charts/palette.ts';
import { labelMargin, PLOT_DEFAULTS, rowsHeight } from '../charts/plot-defaults.ts';
import type { BriefBlock } from './brief-document.ts';

/** The width a brief chart is drawn at: A4 less the margins, at 96 px to the inch. */
export const BRIEF_CHART_WIDTH = 620;

/** The brief's bar chart (rural against urban, urban = 100) as an SVG, for the page and the Word file. */
export function briefChartSvg(block: Extract<BriefBlock, { kind: 'chart' }>): SVGSVGElement {
  const labels = block.bars.map((b) => b.label);
  const svg = Plot.plot({
    ...PLOT_DEFAULTS,
    width: BRIEF_CHART_WIDTH,
    height: rowsHeight(block.bars.length, 24),
    marginLeft: labelMargin(labels, 60, 220),
    marginRight: 50,
    x: { label: null, grid: true, nice: true },
    y: { label: null, domain: labels },
    marks: [
      Plot.barX(block.bars, { x: 'value', y: 'label', fill: GROUP_COLORS.rural }),
      Plot.ruleX([100], { stroke: GROUP_COLORS.urban, strokeWidth: 2 }),
      Plot.text(block.bars, { x: 'value', y: 'label', text: 'text', dx: 4, textAnchor: 'start' }),
    ],
  });
  // Plot returns the SVG itself when there is no legend or caption.
  return (svg instanceof SVGSVGElement ? svg : svg.querySelector('svg')!) as SVGSVGElement;
}
