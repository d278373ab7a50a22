/**
 * The network map's canvas: d3-zoom for pan and zoom (mouse, touch, keyboard), a
 * quadtree for hit-testing, and a cached layer so panning is a blit: the scene is
 * drawn once into an offscreen canvas a viewport larger on every side, and redrawn
 * only when the view leaves it or the zoom settles on a new scale.
 */
import { quadtree, select, zoom, zoomIdentity, type Quadtree, type ZoomBehavior, type ZoomTransform } from 'd3';
import { layerDecision, renderLayer, type Layer } from './layer.ts';
import { sceneBounds, screenRadius, type Scene } from './scene.ts';
import { fitTransform, focusTransform } from './zoom-targets.ts';

export interface RendererOptions {
  onHover?(index: number | null, clientX: number, clientY: number): void;
  onClick?(index: number | null): void;
  /** Node drawn with a selection ring and its edges highlighted. */
  selected?: number | null;
  /** Accessible name of the canvas. */
  label?: string;
}

export interface Renderer {
  canvas: HTMLCanvasElement;
  update(scene?: Scene, options?: Partial<RendererOptions>): void;
  destroy(): void;
  fit(duration?: number): void;
  focus(index: number, duration?: number): void;
  panBy(dx: number, dy: number): void;
  nodeAt(clientX: number, clientY: number): number | null;
  stats(): { draws: number; layerRenders: number; lastLayerMs: number };
}

export function render(element: HTMLElement, initial: Scene, initialOptions: RendererOptions = {}): Renderer {
  let scene = initial;
  let options = initialOptions;
  const canvas = document.createElement('canvas');
  canvas.className = 'map-canvas';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', options.label ?? 'Network map');
  element.appendChild(canvas);
  const ctx = canvas.getContext('2d', { alpha: false })!;
  let width = 0, height = 0, dpr = 1;
  let transform: ZoomTransform = zoomIdentity;
  let layer: Layer | null = null;
  let tree: Quadtree<number> = buildTree(scene);
  let maxRadius = maxOf(scene.radius);
  let frame = 0, settle = 0;
  const stats = { draws: 0, layerRenders: 0, lastLayerMs: 0 };

  const behaviour: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.01, 40])
    .on('zoom', (event: { transform: ZoomTransform }) => { transform = event.transform; requestDraw(); });
  const selection = select(canvas).call(behaviour).on('dblclick.zoom', null);

  function resize(): void {
    const box = element.getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    width = Math.max(1, Math.floor(box.width));
    height = Math.max(1, Math.floor(box.height));
    canvas.width = Math.floor(width * dpr);
    canvas.height = Math.floor(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    layer = null;
    requestDraw();
  }
  const observer = new ResizeObserver(resize);
  observer.observe(element);
  resize();

  function requestDraw(): void {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); });
  }

  function draw(): void {
    stats.draws++;
    const view = { k: transform.k, x: transform.x, y: transform.y, width, height };
    const decision = layerDecision(layer, view);
    if (decision === 'scaled') {
      clearTimeout(settle);
      settle = window.setTimeout(() => { layer = timed(); requestDraw(); }, 150);
    }
    const current = decision === 'render' || !layer ? (layer = timed()) : layer;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const ratio = view.k / current.k;
    ctx.imageSmoothingEnabled = ratio !== 1;
    ctx.drawImage(current.canvas, current.x0 * ratio + view.x, current.y0 * ratio + view.y, current.w * ratio, current.h * ratio);
    drawOverlay();
  }

  /** A new layer around the view as it is now (the zoom may have moved since it was asked for). */
  function timed(): Layer {
    const started = performance.now();
    const next = renderLayer(scene, { k: transform.k, x: transform.x, y: transform.y, width, height }, dpr, maxRadius, layer?.canvas);
    stats.layerRenders++;
    stats.lastLayerMs = performance.now() - started;
    return next;
  }

  function drawOverlay(): void {
    const i = options.selected;
    if (i === null || i === undefined || i >= scene.x.length) return;
    const { k, x: tx, y: ty } = transform;
    const sx = (n: number) => scene.x[n]! * k + tx, sy = (n: number) => scene.y[n]! * k + ty;
    ctx.save();
    ctx.strokeStyle = '#000000';
    ctx.globalAlpha = 0.8;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let e = 0; e < scene.source.length; e++) {
      const a = scene.source[e]!, b = scene.target[e]!;
      if (a !== i && b !== i) continue;
      ctx.moveTo(sx(a), sy(a));
      ctx.lineTo(sx(b), sy(b));
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.arc(sx(i), sy(i), screenRadius(scene.radius[i]!, k) + 4, 0, Math.PI * 2);
    ctx.stroke();
    ctx.restore();
  }

  function nodeAt(clientX: number, clientY: number): number | null {
    const box = canvas.getBoundingClientRect();
    const px = clientX - box.left, py = clientY - box.top;
    const { k } = transform;
    const [gx, gy] = transform.invert([px, py]);
    const found = tree.find(gx, gy, (screenRadius(maxRadius, k) + 4) / k);
    if (found === undefined) return null;
    const dx = (scene.x[found]! - gx) * k, dy = (scene.y[found]! - gy) * k;
    return Math.hypot(dx, dy) <= screenRadius(scene.radius[found]!, k) + 4 ? found : null;
  }

  canvas.addEventListener('mousemove', (event) => options.onHover?.(nodeAt(event.clientX, event.clientY), event.clientX, event.clientY));
  canvas.addEventListener('mouseleave', (event) => options.onHover?.(null, event.clientX, event.clientY));
  canvas.addEventListener('click', (event) => options.onClick?.(nodeAt(event.clientX, event.clientY)));
  canvas.addEventListener('keydown', (event) => {
    const step = 60;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => behaviour.translateBy(selection, step / transform.k, 0),
      ArrowRight: () => behaviour.translateBy(selection, -step / transform.k, 0),
      ArrowUp: () => behaviour.translateBy(selection, 0, step / transform.k),
      ArrowDown: () => behaviour.translateBy(selection, 0, -step / transform.k),
      '+': () => behaviour.scaleBy(selection, 1.25),
      '=': () => behaviour.scaleBy(selection, 1.25),
      '-': () => behaviour.scaleBy(selection, 0.8),
      '0': () => fit(250),
    };
    const move = moves[event.key];
    if (move) { event.preventDefault(); move(); }
  });

  function go(t: ZoomTransform, duration: number): void {
    if (duration > 0) selection.transition().duration(duration).call(behaviour.transform, t);
    else selection.call(behaviour.transform, t);
  }
  const fit = (duration = 0) => go(fitTransform(sceneBounds(scene), width, height), duration);
  const focus = (index: number, duration = 600) =>
    go(focusTransform(scene.x[index]!, scene.y[index]!, transform.k, fitTransform(sceneBounds(scene), width, height).k, width, height), duration);

  return {
    canvas,
    update(nextScene, nextOptions) {
      if (nextScene && nextScene !== scene) {
        scene = nextScene;
        tree = buildTree(scene);
        maxRadius = maxOf(scene.radius);
        layer = null;
      }
      if (nextOptions) {
        options = { ...options, ...nextOptions };
        if (nextOptions.label) canvas.setAttribute('aria-label', nextOptions.label);
      }
      requestDraw();
    },
    destroy() {
      cancelAnimationFrame(frame);
      clearTimeout(settle);
      observer.disconnect();
      selection.on('.zoom', null);
      canvas.remove();
    },
    fit,
    focus,
    panBy(dx, dy) { behaviour.translateBy(selection, dx / transform.k, dy / transform.k); },
    nodeAt,
    stats: () => ({ ...stats }),
  };
}

function buildTree(scene: Scene): Quadtree<number> {
  return quadtree<number>().x((i) => scene.x[i]!).y((i) => scene.y[i]!).addAll(Array.from({ length: scene.x.length }, (_, i) => i));
}

function maxOf(values: Float32Array): number {
  let m = 0;
  for (const v of values) m = Math.max(m, v);
  return m;
}
