import type { Ui } from '../i18n/ui.ts';
import type { ExportContext } from './export-context.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The look of an exported image's frame. */
export const DESCRIBED_SVG_DEFAULTS = { padding: 16, fontSize: 12, titleSize: 15, lineGap: 6, swatch: 12 };

/** What an exported image states besides its plot. */
export interface ImageDescription {
  title: string;
  /** The chart's own unit, when it differs from the indicator's. */
  unit?: string | null;
  ui: Ui;
  context: ExportContext;
  /** The colour text is drawn in, and the font, as on the page. */
  color: string;
  fontFamily: string;
}

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag) as SVGElement;
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Roughly how wide a text is drawn: CJK characters are square, Latin ones about half as wide. */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.56;
  return width;
}

/** The lines above the plot: region, year and indicator with unit; data version and the synthetic mark. */
export function contextLines(d: Pick<ImageDescription, 'ui' | 'context' | 'unit'>): string[] {
  const { t, lang } = d.ui;
  const c = d.context;
  const sep = lang === 'zh' ? '　' : ' · ';
  const first = [
    t('export_region', { region: c.regionName }),
    c.year !== null ? t('export_year', { year: c.year }) : null,
    c.indicator ? t('export_indicator', { indicator: c.indicator.name, unit: d.unit || c.indicator.unit }) : null,
  ].filter((s): s is string => s !== null);
  return [
    first.join(sep),
    [t('export_version', { version: c.version }), c.synthetic ? t('export_synthetic') : null].filter(Boolean).join(sep),
  ];
}

/**
 * A chart (or map) as a standalone SVG document that describes itself: title, region, year,
 * indicator with unit, data version and the 示例数据 mark above; the plot; its legend (swatches or a
 * ramp, copied from the page); the data source below. A map's own source and 审图号 lines are part of
 * its plot, bottom-left.
 */
export function describedSvg(plot: SVGSVGElement, legend: Element | null, d: ImageDescription): SVGSVGElement {
  const o = DESCRIBED_SVG_DEFAULTS;
  const { width: plotWidth, height: plotHeight } = plot.getBoundingClientRect();
  const pw = Math.round(Number(plot.getAttribute('width')) || plotWidth);
  const ph = Math.round(Number(plot.getAttribute('height')) || plotHeight);
  const root = el('svg', { xmlns: SVG, 'font-size': o.fontSize, fill: d.color }) as SVGSVGElement;
  root.style.fontFamily = d.fontFamily;
  root.style.color = d.color;
  let y = o.padding + o.titleSize;
  let width = pw;
  const line = (text: string, attrs: Record<string, string | number> = {}) => {
    root.append(el('text', { x: o.padding, y, ...attrs }, text));
    width = Math.max(width, textWidth(text, Number(attrs['font-size'] ?? o.fontSize)));
  };
  line(d.title, { 'font-size': o.titleSize, 'font-weight': 'bold', 'data-line': 'title' });
  for (const [i, text] of contextLines(d).entries()) {
    y += o.fontSize + o.lineGap;
    line(text, { 'data-line': i === 0 ? 'context' : 'version' });
  }
  y += o.lineGap * 2;
  const copy = plot.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('x', String(o.padding));
  copy.setAttribute('y', String(y));
  copy.setAttribute('width', String(pw));
  copy.setAttribute('height', String(ph));
  root.append(copy);
  y += ph + o.lineGap;
  y = appendLegend(root, legend, o.padding, y, pw) + o.lineGap;
  y += o.fontSize;
  line(d.ui.t('export_source'), { 'data-line': 'source' });
  const totalWidth = Math.ceil(width + o.padding * 2);
  const totalHeight = Math.ceil(y + o.padding);
  root.setAttribute('width', String(totalWidth));
  root.setAttribute('height', String(totalHeight));
  root.setAttribute('viewBox', `0 0 ${totalWidth} ${totalHeight}`);
  return root;
}

/**
 * Copies a page legend into the image: Plot's swatches (an svg and a label each) laid out in rows,
 * or a ramp legend's svg as it is. Returns the y below it.
 */
function appendLegend(root: SVGElement, legend: Element | null, x0: number, y0: number, width: number): number {
  if (!legend) return y0;
  const o = DESCRIBED_SVG_DEFAULTS;
  const swatches = [...legend.querySelectorAll('[class$="-swatch"]')];
  const group = el('g', { 'data-legend': '' });
  root.append(group);
  if (swatches.length) {
    let x = x0;
    let y = y0;
    for (const swatch of swatches) {
      const icon = swatch.querySelector('svg');
      const label = swatch.textContent?.trim() ?? '';
      const itemWidth = o.swatch + 6 + textWidth(label, o.fontSize) + 16;
      if (x > x0 && x + itemWidth > x0 + width) {
        x = x0;
        y += o.swatch + o.lineGap;
      }
      if (icon) {
        const copy = icon.cloneNode(true) as SVGSVGElement;
        copy.setAttribute('x', String(x));
        copy.setAttribute('y', String(y));
        copy.setAttribute('width', String(o.swatch));
        copy.setAttribute('height', String(o.swatch));
        group.append(copy);
      }
      group.append(el('text', { x: x + o.swatch + 6, y: y + o.swatch - 2 }, label));
      x += itemWidth;
    }
    return y + o.swatch + o.lineGap;
  }
  const svg = legend.querySelector('svg');
  if (!svg) return y0;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const h = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  copy.setAttribute('x', String(x0));
  copy.setAttribute('y', String(y0));
  group.append(copy);
  return y0 + h + o.lineGap;
}
