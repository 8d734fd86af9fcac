import * as Plot from '@observablehq/plot';
import {
  geoBounds,
  geoConicEqualArea,
  geoPath,
  interpolatePuOr,
  interpolateYlGnBu,
  scaleDiverging,
  scaleSequential,
} from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { MapShapeProperties, MapTopology } from '../../contract/map-files.ts';

/** The look of every map; a caller (the dashboard, later the brief) overrides what it needs. */
export const CHOROPLETH_DEFAULTS = {
  width: 640,
  /** The tallest the shapes are drawn; a tall region (陕西) is fitted inside, narrower. */
  maxHeight: 480,
  fontSize: 12,
  /** Shapes the data has no figure for. */
  noDataFill: '#c8c8c8',
  /** The outline of the highlighted shape, heavy enough to read in print and on any fill. */
  highlightStroke: '#000000',
  highlightWidth: 2.4,
  /** Shapes whose figure is withheld for a small sample: hatched over a pale ground. */
  suppressedFill: '#f4f4f4',
  hatchStroke: '#7a7a7a',
  shapeStroke: '#ffffff',
  lineStroke: '#4d4d4d',
  diverging: interpolatePuOr,
  sequential: interpolateYlGnBu,
  legendRampWidth: 240,
  swatch: 14,
};

/** The figure behind one shape: a value (a gap or a group value), its n, or withheld. */
export interface ChoroplethValue {
  value: number | null;
  n: number | null;
  suppressed: boolean;
}

/** The shapes and the figures joined to them by region code. */
export interface ChoroplethData {
  topology: MapTopology;
  values: ReadonlyMap<string, ChoroplethValue>;
}

/** What a map shows and says; every text comes from the caller, in its language. */
export interface ChoroplethOptions {
  /** A gap on a scale centred at 0, or a group's value on a sequential one. */
  scale: 'diverging' | 'sequential';
  legendTitle: string;
  /** A value as the legend's ticks show it (with its unit). */
  format: (value: number) => string;
  /** For a diverging scale: what a value below and above 0 means, e.g. which side lags. */
  negativeLabel?: string;
  positiveLabel?: string;
  /** Turns the diverging colours around, so the same side (e.g. the rural one lagging) keeps one hue. */
  flip?: boolean;
  /** One shape drawn with a heavy outline (the region a brief is about), named in the legend. */
  highlight?: { code: string; label: string };
  /** The text a pointer over a shape shows: region, value with unit, n. */
  tip: (shape: MapShapeProperties, value: ChoroplethValue | undefined) => string;
  labels: { suppressed: string; noData: string; source: string; review: string };
  /** Whether a shape can be opened, and what opening it does (drill down). */
  canSelect?: (code: string) => boolean;
  onSelect?: (code: string) => void;
  /** A shape's accessible name when it can be opened. */
  linkLabel?: (shape: MapShapeProperties, value: ChoroplethValue | undefined) => string;
  width?: number;
  /** The tallest the shapes are drawn (a printed brief keeps its map short). */
  maxHeight?: number;
}

const SVG = 'http://www.w3.org/2000/svg';
let serial = 0;

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Roughly how wide a text is drawn: CJK characters are square, Latin ones about half as wide. */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.58;
  return width;
}

/**
 * A text broken into lines no wider than `width`: Latin text between words, Chinese between any two
 * characters, punctuation kept with the character before it. A word longer than the line stands alone.
 * Each line keeps its trailing space, so the lines joined give the text back.
 */
function wrapText(text: string, size: number, width: number): string[] {
  const pieces =
    text.match(
      /[\u2e80-\u9fff\uff00-\uffef][\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]*|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g,
    ) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && textWidth((line + piece).trimEnd(), size) > width) {
      lines.push(line);
      line = piece.trimStart();
    } else line += piece;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A text element of one or more lines (tspans), its first baseline at `y`; its text content is the whole text. */
function textBlock(
  attrs: Record<string, string | number>,
  lines: readonly string[],
  lineHeight: number,
): SVGTextElement {
  const text = el('text', attrs);
  if (lines.length === 1) text.textContent = lines[0]!;
  else lines.forEach((line, i) => text.append(el('tspan', { x: attrs.x ?? 0, dy: i === 0 ? 0 : lineHeight }, line)));
  return text;
}

/** The status of a shape: drawn by its value, withheld (样本不足), or without data (无数据). */
export function shapeStatus(value: ChoroplethValue | undefined): 'value' | 'suppressed' | 'no_data' {
  if (value?.suppressed) return 'suppressed';
  return value && value.value !== null && Number.isFinite(value.value) ? 'value' : 'no_data';
}

/**
 * A choropleth as one SVG: the shapes coloured by their figures (Plot's geo mark, a conic equal-area
 * projection centred on the shapes), the boundary lines when the file has them, the legend naming
 * both ends of the scale, 样本不足 and 无数据, and bottom-left the map's source and 审图号 lines, so an
 * exported image carries them too. Shapes that can be opened are links (click or Enter).
 */
export function choropleth(data: ChoroplethData, options: ChoroplethOptions): SVGSVGElement {
  const o = { ...CHOROPLETH_DEFAULTS, ...options };
  const id = `cb-map-${++serial}`;
  const regions = feature(data.topology, data.topology.objects.regions) as FeatureCollection<
    Geometry,
    MapShapeProperties
  >;
  const lines = data.topology.objects.lines
    ? (feature(data.topology, data.topology.objects.lines) as FeatureCollection)
    : null;
  const shapes = regions.features;
  const known = shapes
    .map((f) => data.values.get(f.properties.code))
    .filter((v): v is ChoroplethValue => shapeStatus(v) === 'value')
    .map((v) => v.value!);
  const color = colorScale(o, known);
  const fillOf = (f: Feature<Geometry, MapShapeProperties>) => {
    const value = data.values.get(f.properties.code);
    const status = shapeStatus(value);
    return status === 'value' ? color(value!.value!) : status === 'suppressed' ? `url(#${id}-hatch)` : o.noDataFill;
  };
  const highlighted = o.highlight ? shapes.filter((f) => f.properties.code === o.highlight!.code) : [];
  const extent: FeatureCollection = { type: 'FeatureCollection', features: [...shapes, ...(lines?.features ?? [])] };
  const [[west, south], [east, north]] = geoBounds(extent);
  const rotate: [number, number] = [-(west + east) / 2, 0];
  const parallels: [number, number] = [south + (north - south) / 6, north - (north - south) / 6];
  // As tall as the shapes are at this width (a narrow phone's map is not padded to the full height),
  // at most maxHeight, where a tall region (陕西) is fitted inside, narrower.
  const [[x0, y0], [x1, y1]] = geoPath(
    geoConicEqualArea().rotate(rotate).parallels(parallels).fitWidth(o.width, extent),
  ).bounds(extent);
  const plotHeight = Math.max(1, Math.min(o.maxHeight, Math.ceil((o.width * (y1 - y0)) / Math.max(1e-9, x1 - x0))));
  const plot = Plot.plot({
    width: o.width,
    height: plotHeight,
    style: { fontSize: `${o.fontSize}px`, fontFamily: 'inherit', background: 'transparent', overflow: 'visible' },
    className: 'cb-plot',
    projection: {
      type: 'conic-equal-area',
      rotate,
      parallels,
      domain: extent,
      // The shapes are simplified to well under a pixel's worth of detail per vertex at these sizes:
      // resampling the edges between vertices (Plot's default, 0.15 px) only adds work, about half
      // the time of drawing a national map.
      precision: 0,
    },
    color: { type: 'identity' },
    marks: [
      Plot.geo(shapes, { fill: fillOf, stroke: o.shapeStroke, strokeWidth: 0.6 }),
      lines ? Plot.geo(lines, { stroke: o.lineStroke, strokeWidth: 1.2, fill: 'none' }) : null,
      // Drawn after every shape, so no neighbour's white edge covers part of the outline.
      highlighted.length
        ? Plot.geo(highlighted, {
            stroke: o.highlightStroke,
            strokeWidth: o.highlightWidth,
            fill: 'none',
            className: 'map-highlight',
          })
        : null,
      Plot.tip(
        shapes,
        Plot.pointer(
          Plot.centroid({
            title: (f: Feature<Geometry, MapShapeProperties>) =>
              o.tip(f.properties, data.values.get(f.properties.code)),
          }),
        ),
      ),
    ],
  }) as SVGSVGElement;
  markShapes(plot, shapes, data, o);
  plot.querySelector('g.map-highlight path')?.setAttribute('data-highlight', o.highlight!.code);

  const width = Number(plot.getAttribute('width'));
  const mapHeight = Number(plot.getAttribute('height'));
  const svg = el('svg', { class: 'choropleth', 'data-shapes': shapes.length });
  svg.append(hatch(id, o), plot);
  const legend = legendGroup(id, o, known, width);
  legend.g.setAttribute('transform', `translate(0, ${mapHeight + 8})`);
  // The source and 审图号 lines wrap to the map's width, so a phone draws them at their size.
  const small = o.fontSize - 1;
  const lineHeight = small + 4;
  const attribution = el('g', { class: 'map-attribution', 'font-size': small });
  const source = wrapText(o.labels.source, small, width);
  const review = wrapText(o.labels.review, small, width);
  attribution.append(
    textBlock({ x: 0, y: 0, 'data-line': 'source' }, source, lineHeight),
    textBlock({ x: 0, y: source.length * lineHeight, 'data-line': 'review' }, review, lineHeight),
  );
  // Its first baseline one text size under its top (the Word picture cuts the map there).
  const top = mapHeight + 8 + legend.height + 8;
  attribution.setAttribute('transform', `translate(0, ${top + small})`);
  svg.append(legend.g, attribution);
  // Room under the last baseline for the descenders.
  const height = top + small + (source.length + review.length - 1) * lineHeight + 5;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('fill', 'currentColor');
  svg.setAttribute('font-family', 'inherit');
  svg.setAttribute('font-size', String(o.fontSize));
  return svg;
}

type Options = typeof CHOROPLETH_DEFAULTS & ChoroplethOptions;

function colorScale(o: Options, known: readonly number[]): (value: number) => string {
  if (o.scale === 'diverging') {
    const max = Math.max(1e-9, ...known.map(Math.abs));
    const scale = scaleDiverging(o.diverging).domain(o.flip ? [max, 0, -max] : [-max, 0, max]);
    return (v) => scale(v);
  }
  const lo = known.length ? Math.min(...known) : 0;
  const hi = known.length ? Math.max(...known) : 1;
  const scale = scaleSequential(o.sequential).domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]);
  return (v) => scale(v);
}

/** Tags each drawn shape with its code and status, and makes the ones that can be opened links. */
function markShapes(
  plot: SVGSVGElement,
  shapes: readonly Feature<Geometry, MapShapeProperties>[],
  data: ChoroplethData,
  o: Options,
): void {
  const paths = plot.querySelector('g[aria-label="geo"]')?.querySelectorAll('path') ?? [];
  const opens = new Map<Element, () => void>();
  // Plot's pointer (the tip) takes the pointer on press, so the click lands on the svg, not the shape:
  // find the shape under the click instead.
  plot.addEventListener('click', (event) => {
    const under = document.elementsFromPoint(event.clientX, event.clientY).find((e) => opens.has(e));
    if (under) opens.get(under)!();
  });
  // Plot draws a geo mark's shapes in data order; anything else would mis-join codes and colours.
  if (paths.length !== shapes.length) throw new Error(`map drew ${paths.length} of ${shapes.length} shapes`);
  paths.forEach((path, i) => {
    const shape = shapes[i]!.properties;
    const value = data.values.get(shape.code);
    path.setAttribute('data-code', shape.code);
    path.setAttribute('data-status', shapeStatus(value));
    if (!o.onSelect || !(o.canSelect?.(shape.code) ?? true)) return;
    const open = () => o.onSelect!(shape.code);
    path.setAttribute('class', 'map-link');
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'link');
    path.setAttribute('aria-label', o.linkLabel?.(shape, value) ?? shape.name);
    opens.set(path, open);
    path.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter') open();
    });
  });
}

function hatch(id: string, o: Options): SVGDefsElement {
  const defs = el('defs', {});
  const pattern = el('pattern', {
    id: `${id}-hatch`,
    patternUnits: 'userSpaceOnUse',
    width: 6,
    height: 6,
    patternTransform: 'rotate(45)',
  });
  pattern.append(
    el('rect', { width: 6, height: 6, fill: o.suppressedFill }),
    el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: o.hatchStroke, 'stroke-width': 1.6 }),
  );
  const gradient = el('linearGradient', { id: `${id}-ramp`, x1: 0, x2: 1, y1: 0, y2: 0 });
  const interpolate = o.scale === 'diverging' ? o.diverging : o.sequential;
  for (let i = 0; i <= 10; i++) {
    const t = o.scale === 'diverging' && o.flip ? 1 - i / 10 : i / 10;
    gradient.append(el('stop', { offset: `${i * 10}%`, 'stop-color': interpolate(t) }));
  }
  defs.append(pattern, gradient);
  return defs;
}

/**
 * The legend: the title, the colour ramp with its ends (and, diverging, what each side means), and the
 * two kinds of missing figure (and the highlighted region). It is laid out within `width`: the swatches
 * beside the ramp where they fit, else under it; the sides' names on one line where they fit, else one
 * above the other; a long title wraps. Its height is returned with it.
 */
function legendGroup(
  id: string,
  o: Options,
  known: readonly number[],
  width: number,
): { g: SVGGElement; height: number } {
  const size = o.fontSize - 1;
  const lineHeight = size + 4;
  const g = el('g', { class: 'map-legend', 'font-size': size });
  const negative = `← ${o.negativeLabel ?? ''}`;
  const positive = `${o.positiveLabel ?? ''} →`;
  // The ramp is as wide as the two sides' names need, so they never run into each other, unless the
  // map is narrower than that: then the names go on two lines.
  const sides = o.scale === 'diverging' ? textWidth(negative, size) + textWidth(positive, size) + 24 : 0;
  const ramp = Math.min(width, Math.max(o.legendRampWidth, Math.ceil(sides)));
  const title = wrapText(o.legendTitle, size, width);
  g.append(textBlock({ x: 0, y: 10, 'font-weight': 'bold' }, title, lineHeight));
  const rampTop = 16 + (title.length - 1) * lineHeight;
  g.append(el('rect', { x: 0, y: rampTop, width: ramp, height: 10, fill: `url(#${id}-ramp)` }));
  let ticks: [number, string][] = [];
  if (known.length) {
    if (o.scale === 'diverging') {
      const max = Math.max(...known.map(Math.abs));
      ticks = [
        [0, o.format(-max)],
        [ramp / 2, o.format(0)],
        [ramp, o.format(max)],
      ];
    } else {
      ticks = [
        [0, o.format(Math.min(...known))],
        [ramp, o.format(Math.max(...known))],
      ];
    }
  }
  for (const [x, text] of ticks) {
    const anchor = x === 0 ? 'start' : x === ramp ? 'end' : 'middle';
    g.append(el('line', { x1: x, x2: x, y1: rampTop + 10, y2: rampTop + 14, stroke: 'currentColor' }));
    g.append(el('text', { x, y: rampTop + 25, 'text-anchor': anchor, 'data-tick': '' }, text));
  }
  let rampBottom = rampTop + 30;
  if (o.scale === 'diverging') {
    const apart = sides > ramp;
    g.append(el('text', { x: 0, y: rampTop + 39, 'data-side': 'negative' }, negative));
    g.append(
      el(
        'text',
        { x: ramp, y: rampTop + 39 + (apart ? lineHeight : 0), 'text-anchor': 'end', 'data-side': 'positive' },
        positive,
      ),
    );
    rampBottom = rampTop + 42 + (apart ? lineHeight : 0);
  }
  const swatches: [string, string, string][] = [
    ['suppressed', `url(#${id}-hatch)`, o.labels.suppressed],
    ['no_data', o.noDataFill, o.labels.noData],
  ];
  if (o.highlight) swatches.push(['highlight', 'none', o.highlight.label]);
  const itemWidth = (label: string) => o.swatch + 6 + textWidth(label, size);
  const firstColumn = Math.max(...swatches.slice(0, 2).map(([, , l]) => itemWidth(l)));
  const besideWidth = firstColumn + (swatches[2] ? itemWidth(swatches[2][2]) + 24 : 0);
  // Beside the ramp, in a column of two (a third, the highlight, in a second column), where that fits;
  // else in rows under the ramp, as many to a row as fit.
  const beside = ramp + 28 + besideWidth <= width;
  const places: [number, number][] = [];
  if (beside) {
    swatches.forEach((_, i) =>
      places.push([ramp + 28 + (i >= 2 ? firstColumn + 24 : 0), rampTop - 2 + (i % 2) * (o.swatch + 8)]),
    );
  } else {
    let x = 0;
    let y = rampBottom + 6;
    for (const [, , label] of swatches) {
      if (x > 0 && x + itemWidth(label) > width) {
        x = 0;
        y += o.swatch + 8;
      }
      places.push([x, y]);
      x += itemWidth(label) + 18;
    }
  }
  swatches.forEach(([status, fill, label], i) => {
    const [x, y] = places[i]!;
    const outline = status === 'highlight';
    g.append(
      el('rect', {
        x,
        y,
        width: o.swatch,
        height: o.swatch,
        fill,
        stroke: outline ? o.highlightStroke : o.hatchStroke,
        'stroke-width': outline ? o.highlightWidth : 0.5,
        'data-swatch': status,
      }),
      el('text', { x: x + o.swatch + 6, y: y + o.swatch - 3 }, label),
    );
  });
  const swatchBottom = Math.max(...places.map(([, y]) => y + o.swatch));
  return { g, height: Math.max(rampBottom, swatchBottom) };
}
