import { pngBlob } from '../charts/export-image.ts';
import type { BriefPicture } from './brief-docx.ts';

/** How much sharper than the page the picture is drawn, so it prints crisply from Word. */
const SCALE = 2;

/**
 * The Word picture of a map the page drew: the same SVG rendered to PNG by the browser, less its
 * source and 审图号 lines, which the Word brief sets as an editable caption right under the picture.
 */
export async function mapPicture(svg: SVGSVGElement): Promise<BriefPicture> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = Number(svg.getAttribute('width'));
  let height = Number(svg.getAttribute('height'));
  const attribution = copy.querySelector('.map-attribution');
  if (attribution) {
    // The lines' group sits below the legend; its first baseline is one text size under its top.
    const top = Number(/translate\(\s*[\d.]+[ ,]+([\d.]+)\s*\)/.exec(attribution.getAttribute('transform') ?? '')?.[1]);
    const size = Number(attribution.getAttribute('font-size'));
    if (Number.isFinite(top) && Number.isFinite(size)) height = Math.ceil(top - size);
    attribution.remove();
  }
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // Detached from the page the copy inherits no font: give it the page's.
  copy.style.fontFamily = getComputedStyle(svg).fontFamily;
  const blob = await pngBlob(copy, SCALE, '#ffffff', '#000000');
  return {
    png: new Uint8Array(await blob.arrayBuffer()),
    width: Math.ceil(width * SCALE),
    height: Math.ceil(height * SCALE),
  };
}
