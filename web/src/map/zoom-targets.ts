/** Where the map's camera goes: fit the whole graph, or centre one node. Pure. */
import { zoomIdentity, type ZoomTransform } from 'd3';
import type { Region } from './scene.ts';

/** The transform that shows `bounds` (layout units) inside width × height with a margin, zoom at most 8. */
export function fitTransform(bounds: Region, width: number, height: number, pad = 40): ZoomTransform {
  const w = bounds.x1 - bounds.x0 || 1, h = bounds.y1 - bounds.y0 || 1;
  const k = Math.min(8, Math.max(0.01, Math.min((width - pad * 2) / w, (height - pad * 2) / h)));
  return zoomIdentity.translate(width / 2 - ((bounds.x0 + bounds.x1) / 2) * k, height / 2 - ((bounds.y0 + bounds.y1) / 2) * k).scale(k);
}

/** Centres (x, y), zoomed to at least 2.5 × the fit (and at least 1.5), never out from the current zoom. */
export function focusTransform(x: number, y: number, currentK: number, fitK: number, width: number, height: number): ZoomTransform {
  const k = Math.max(currentK, Math.min(4, 2.5 * fitK), 1.5);
  return zoomIdentity.translate(width / 2 - x * k, height / 2 - y * k).scale(k);
}
