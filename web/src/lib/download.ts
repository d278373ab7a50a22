/** Saving what a view shows: a Blob as a file, an SVG or a canvas as PNG. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}

/**
 * Rasterises SVGs stacked vertically into one PNG on a white background. The SVGs carry
 * their styles as attributes, so the image looks like the page without the stylesheet.
 */
export async function svgsToPng(svgs: ReadonlyArray<SVGSVGElement>, scale = window.devicePixelRatio || 1): Promise<Blob> {
  const sized = svgs.map((svg) => ({ svg, box: svg.getBoundingClientRect() })).filter((s) => s.box.width > 0 && s.box.height > 0);
  const width = Math.max(1, ...sized.map((s) => s.box.width));
  const height = Math.max(1, sized.reduce((h, s) => h + s.box.height + 8, 0));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  let y = 0;
  for (const { svg, box } of sized) {
    const image = await loadSvg(svg, box.width, box.height);
    ctx.drawImage(image, 0, y, box.width, box.height);
    y += box.height + 8;
  }
  return canvasToPng(canvas);
}

function loadSvg(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => { URL.revokeObjectURL(url); resolve(image); };
    image.onerror = () => { URL.revokeObjectURL(url); reject(new Error('SVG could not be rasterised')); };
    image.src = url;
  });
}
