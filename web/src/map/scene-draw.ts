/**
 * Draws a Scene into a 2D context, batched: one path per edge style, one per node
 * colour, so 50,000 edges are a handful of stroke() calls. Everything outside `region`
 * is skipped.
 */
import { screenRadius, type Region, type Scene } from './scene.ts';

export interface View {
  /** Zoom factor: screen px per layout unit. */
  k: number;
  /** Screen position of layout (0, 0) in this context. */
  ox: number;
  oy: number;
}

export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, view: View, region: Region, maxLabels = 120): void {
  drawHulls(ctx, scene, view);
  drawEdges(ctx, scene, view, region);
  drawNodes(ctx, scene, view, region);
  drawLabels(ctx, scene, view, region, maxLabels);
}

function drawHulls(ctx: CanvasRenderingContext2D, scene: Scene, { k, ox, oy }: View): void {
  ctx.save();
  ctx.fillStyle = 'rgba(0, 0, 0, 0.045)';
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.35)';
  ctx.setLineDash([4, 3]);
  ctx.lineWidth = 1;
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (const hull of scene.hulls) {
    const p = hull.points;
    if (p.length < 6) continue;
    ctx.beginPath();
    let top = Infinity, cx = 0;
    for (let i = 0; i < p.length; i += 2) {
      const sx = p[i]! * k + ox, sy = p[i + 1]! * k + oy;
      if (i === 0) ctx.moveTo(sx, sy); else ctx.lineTo(sx, sy);
      if (sy < top) { top = sy; cx = sx; }
    }
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
    if (k > 0.15) {
      ctx.fillStyle = 'rgba(0, 0, 0, 0.6)';
      ctx.fillText(hull.label, cx, top - 4);
      ctx.fillStyle = 'rgba(0, 0, 0, 0.045)';
    }
  }
  ctx.restore();
}

function drawEdges(ctx: CanvasRenderingContext2D, scene: Scene, { k, ox, oy }: View, r: Region): void {
  const { x, y, source, target, style } = scene;
  ctx.save();
  ctx.lineCap = 'round';
  scene.edgeStyles.forEach((edgeStyle, s) => {
    ctx.beginPath();
    let any = false;
    for (let e = 0; e < source.length; e++) {
      if (style[e] !== s) continue;
      const a = source[e]!, b = target[e]!;
      const ax = x[a]!, ay = y[a]!, bx = x[b]!, by = y[b]!;
      if ((ax < r.x0 && bx < r.x0) || (ax > r.x1 && bx > r.x1) || (ay < r.y0 && by < r.y0) || (ay > r.y1 && by > r.y1)) continue;
      ctx.moveTo(ax * k + ox, ay * k + oy);
      ctx.lineTo(bx * k + ox, by * k + oy);
      any = true;
    }
    if (!any) return;
    ctx.globalAlpha = edgeStyle.alpha;
    ctx.strokeStyle = edgeStyle.colour;
    ctx.lineWidth = edgeStyle.width;
    ctx.setLineDash(edgeStyle.dash ? [...edgeStyle.dash] : []);
    ctx.stroke();
  });
  ctx.restore();
}

function drawNodes(ctx: CanvasRenderingContext2D, scene: Scene, { k, ox, oy }: View, r: Region): void {
  const { x, y, radius, colour } = scene;
  ctx.save();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1;
  scene.palette.forEach((fill, c) => {
    ctx.beginPath();
    let any = false, outline = false;
    for (let i = 0; i < x.length; i++) {
      if (colour[i] !== c) continue;
      const xi = x[i]!, yi = y[i]!, ri = radius[i]!;
      if (xi + ri < r.x0 || xi - ri > r.x1 || yi + ri < r.y0 || yi - ri > r.y1) continue;
      const sr = screenRadius(ri, k);
      const sx = xi * k + ox, sy = yi * k + oy;
      ctx.moveTo(sx + sr, sy);
      ctx.arc(sx, sy, sr, 0, Math.PI * 2);
      any = true;
      outline ||= sr >= 3;
    }
    if (!any) return;
    ctx.fillStyle = fill;
    ctx.fill();
    if (outline) ctx.stroke();
  });
  ctx.restore();
}

/** Labels of the largest nodes that are big enough on screen, without overlaps. */
function drawLabels(ctx: CanvasRenderingContext2D, scene: Scene, { k, ox, oy }: View, r: Region, maxLabels: number): void {
  const candidates: number[] = [];
  for (let i = 0; i < scene.x.length; i++) {
    const xi = scene.x[i]!, yi = scene.y[i]!;
    if (xi < r.x0 || xi > r.x1 || yi < r.y0 || yi > r.y1) continue;
    if (screenRadius(scene.radius[i]!, k) >= 4) candidates.push(i);
  }
  candidates.sort((a, b) => scene.radius[b]! - scene.radius[a]! || a - b);
  ctx.save();
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillStyle = '#1a1a1a';
  const placed: Array<[number, number, number, number]> = [];
  for (const i of candidates) {
    if (placed.length >= maxLabels) break;
    const text = scene.labels[i] ?? '';
    const sr = screenRadius(scene.radius[i]!, k);
    const lx = scene.x[i]! * k + ox + sr + 3, ly = scene.y[i]! * k + oy;
    const w = ctx.measureText(text).width;
    const box: [number, number, number, number] = [lx, ly - 7, lx + w, ly + 7];
    if (placed.some((p) => box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1])) continue;
    placed.push(box);
    ctx.strokeText(text, lx, ly);
    ctx.fillText(text, lx, ly);
  }
  ctx.restore();
}
