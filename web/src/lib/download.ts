/** Saving what a view shows: a Blob as a file, an SVG or a canvas as PNG. */
import { wrapText } from './wrap.ts';
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

/** What a PNG says above the picture, so a saved image explains itself: title, filters, date. */
export interface PngCaption {
  title: string;
  /** The choices that decided what is drawn ("Region: Germany", "Hide covered cells"), one line each. */
  details?: readonly string[];
  /** When it was exported; default now. */
  date?: Date;
}

const CAPTION_FONT = 'system-ui, "DejaVu Sans", sans-serif';

/** The caption's lines: title first, then the details, then "Exported YYYY-MM-DD HH:MM UTC". */
export function captionLines(caption: PngCaption): string[] {
  const date = (caption.date ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  return [caption.title, ...(caption.details ?? []).filter(Boolean), `Exported ${date} UTC from Ecomap`];
}

/** A caption's lines wrapped to a width, and the height it takes above the picture. */
export interface CaptionLayout {
  lines: Array<{ text: string; font: string; height: number }>;
  height: number;
}

/** Wraps the caption's lines (title bold and larger) to `width`, measured with `ctx`. */
export function layOutCaption(ctx: CanvasRenderingContext2D, caption: PngCaption, width: number): CaptionLayout {
  const lines: CaptionLayout['lines'] = [];
  captionLines(caption).forEach((text, i) => {
    const font = i === 0 ? `700 18px ${CAPTION_FONT}` : `12px ${CAPTION_FONT}`;
    ctx.font = font;
    for (const part of wrapText((t) => ctx.measureText(t).width, text, width - 16)) lines.push({ text: part, font, height: i === 0 ? 24 : 16 });
  });
  return { lines, height: lines.reduce((h, l) => h + l.height, 8) + 8 };
}

/** Writes a laid-out caption at the top left of `ctx`. */
export function drawCaption(ctx: CanvasRenderingContext2D, layout: CaptionLayout): void {
  ctx.fillStyle = '#1a1a1a';
  ctx.textBaseline = 'top';
  let y = 8;
  for (const line of layout.lines) {
    ctx.font = line.font;
    ctx.fillText(line.text, 8, y);
    y += line.height;
  }
}

/**
 * Rasterises SVGs stacked vertically into one PNG on a white background, under a caption
 * (title, filters, date) when given. The SVGs carry their styles (and their legends) as
 * attributes, so the image looks like the page without the stylesheet.
 */
export async function svgsToPng(svgs: ReadonlyArray<SVGSVGElement>, caption?: PngCaption, scale = window.devicePixelRatio || 1): Promise<Blob> {
  const sized = svgs.map((svg) => ({ svg, box: svg.getBoundingClientRect() })).filter((s) => s.box.width > 0 && s.box.height > 0);
  const width = Math.max(caption ? 480 : 1, ...sized.map((s) => s.box.width));
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  // The caption is laid out first: its height decides where the pictures start.
  const laid = caption ? layOutCaption(ctx, caption, width) : undefined;
  const top = laid?.height ?? 0;
  const height = Math.max(1, sized.reduce((h, s) => h + s.box.height + 8, top));
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  if (laid) drawCaption(ctx, laid);
  let y = top;
  for (const { svg, box } of sized) {
    const image = await loadSvg(svg, box.width, box.height);
    ctx.drawImage(image, 0, y, box.width, box.height);
    y += box.height + 8;
  }
  return canvasToPng(canvas);
}

function loadSvg(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // Headers that follow the page's scroll are drawn in place: the image shows the whole figure.
  for (const node of copy.querySelectorAll('[data-sticky]')) node.removeAttribute('transform');
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
