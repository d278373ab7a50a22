/** What the canvas renderer draws: positions and styles only, no domain meaning. */
export interface EdgeStyle {
  colour: string;
  /** Stroke width in screen pixels. */
  width: number;
  alpha: number;
  dash?: readonly number[];
}

export interface Hull {
  /** Closed polygon in layout units, x0, y0, x1, y1, … */
  points: Float32Array;
  label: string;
}

export interface Scene {
  x: Float32Array;
  y: Float32Array;
  /** Node radius in layout units. */
  radius: Float32Array;
  /** Index into `palette`. */
  colour: Uint8Array;
  palette: readonly string[];
  labels: readonly string[];
  source: Uint32Array;
  target: Uint32Array;
  /** Index into `edgeStyles`; edges of one style are stroked as one path. */
  style: Uint8Array;
  edgeStyles: readonly EdgeStyle[];
  hulls: readonly Hull[];
}

/** A rectangle in layout units. */
export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Screen radius of a node: its layout radius at zoom k (growing only as √k past 1), never under 1.5 px. */
export function screenRadius(radius: number, k: number): number {
  return Math.max(1.5, radius * (k <= 1 ? k : Math.sqrt(k)));
}

export function sceneBounds(scene: Scene): Region {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < scene.x.length; i++) {
    const r = scene.radius[i]!;
    x0 = Math.min(x0, scene.x[i]! - r); x1 = Math.max(x1, scene.x[i]! + r);
    y0 = Math.min(y0, scene.y[i]! - r); y1 = Math.max(y1, scene.y[i]! + r);
  }
  return Number.isFinite(x0) ? { x0, y0, x1, y1 } : { x0: -1, y0: -1, x1: 1, y1: 1 };
}
