/** A standalone SVG document of a chart: namespaced, sized, with its text colour fixed. */
export function svgMarkup(svg: SVGSVGElement, color: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const { width, height } = svg.getBoundingClientRect();
  if (!copy.getAttribute('width')) copy.setAttribute('width', String(Math.round(width)));
  if (!copy.getAttribute('height')) copy.setAttribute('height', String(Math.round(height)));
  // currentColor has no context outside the page: pin it.
  copy.style.color = color;
  if (!copy.style.fontFamily) copy.style.fontFamily = getComputedStyle(svg).fontFamily;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The chart rendered to a PNG at a scale (2 for print-sharp images), on the given background. */
export async function pngBlob(svg: SVGSVGElement, scale: number, background: string, color: string): Promise<Blob> {
  const markup = svgMarkup(svg, color);
  // A described export is built off-page: its size is in its attributes.
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || box.width;
  const height = Number(svg.getAttribute('height')) || box.height;
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
