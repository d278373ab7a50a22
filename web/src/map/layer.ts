/**
 * The cached layer behind the map's canvas: the scene drawn once, three viewports wide
 * and high around the view, so that panning is a blit. Which frames can reuse it is
 * decided here (pure); drawing it is renderLayer.
 */
import { drawScene } from './scene-draw.ts';
import type { Scene } from './scene.ts';

export interface LayerBox {
  /** Zoom the layer was drawn at. */
  k: number;
  /** Top-left corner in world-screen coordinates (layout units × k). */
  x0: number;
  y0: number;
  w: number;
  h: number;
}

export interface Layer extends LayerBox { canvas: HTMLCanvasElement }

export interface ViewState { k: number; x: number; y: number; width: number; height: number }

/**
 * 'blit': the layer covers the view at its scale; 'scaled': the zoom changed but the
 * scaled layer still covers the view (use it, redraw once the zoom settles); 'render':
 * draw a new layer now.
 */
export function layerDecision(layer: LayerBox | null, v: ViewState): 'blit' | 'scaled' | 'render' {
  if (!layer) return 'render';
  const ratio = v.k / layer.k;
  const covers = layer.x0 * ratio <= -v.x && layer.y0 * ratio <= -v.y
    && (layer.x0 + layer.w) * ratio >= -v.x + v.width && (layer.y0 + layer.h) * ratio >= -v.y + v.height;
  if (!covers) return 'render';
  return layer.k === v.k ? 'blit' : 'scaled';
}

/** Draws the scene into a layer around the view (reusing `reuse`'s canvas when given). */
export function renderLayer(scene: Scene, v: ViewState, dpr: number, maxRadius: number, reuse?: HTMLCanvasElement): Layer {
  const { k } = v;
  const w = v.width * 3, h = v.height * 3;
  const x0 = -v.x - v.width, y0 = -v.y - v.height;
  const canvas = reuse ?? document.createElement('canvas');
  if (canvas.width !== Math.floor(w * dpr) || canvas.height !== Math.floor(h * dpr)) {
    canvas.width = Math.floor(w * dpr);
    canvas.height = Math.floor(h * dpr);
  }
  const ctx = canvas.getContext('2d', { alpha: false })!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  const pad = (maxRadius * 2 + 20) / k;
  drawScene(ctx, scene, { k, ox: -x0, oy: -y0 }, { x0: x0 / k - pad, y0: y0 / k - pad, x1: (x0 + w) / k + pad, y1: (y0 + h) / k + pad });
  return { canvas, k, x0, y0, w, h };
}
