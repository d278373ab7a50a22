/**
 * The map's drawing surface: sigma.js (WebGL) draws links under nodes, with the programs
 * of stage-programs.ts (rimmed discs and sigma's bands, without instancing); a 2D overlay on
 * top draws the labels (placed without collisions: label-placement.ts) and the rings
 * that mark articulation points. One sigma instance serves both levels; show() swaps
 * the graph. Knows nothing of communities or partners: keys, places, sizes, colours.
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { NodeDisplayData, EdgeDisplayData, CameraState } from 'sigma/types';
import { stagePrograms } from './stage-programs.ts';
import { placeLabels, type LabelBox } from './label-placement.ts';
import { onSchemeChange, readStageTheme, type StageTheme } from './stage-theme.ts';

export interface StageNode {
  key: string;
  x: number;
  y: number;
  /** Radius: layout units for bubbles, screen pixels for partners. */
  size: number;
  colour: string;
  label: string;
  /** Drawn with a ring (an articulation point). */
  ring?: boolean;
}

export interface StageLink {
  source: string;
  target: string;
  /** Width in the same reference as node sizes. */
  size: number;
  colour: string;
}

export interface StageScene {
  /** Bubbles grow with the zoom like the places around them; partners keep a screen size. */
  sizes: 'positions' | 'screen';
  nodes: readonly StageNode[];
  links: readonly StageLink[];
  /** Labels inside bubbles (overview) or beside nodes (partners). */
  labelsInside: boolean;
}

export interface StageEvents {
  onClickNode(key: string): void;
  onClickStage(): void;
  onHover(key: string | null, clientX: number, clientY: number): void;
  /** The camera moved (pan, zoom, animation). */
  onCamera(): void;
}

export interface Stage {
  element: HTMLElement;
  show(scene: StageScene): void;
  /** Same nodes and places, new sizes, colours, labels and links (fresh metrics). */
  restyle(scene: StageScene): void;
  /** Highlights `keys` (and the links among them), dims the rest; null: nothing dimmed. */
  highlight(keys: ReadonlySet<string> | null, selected: string | null): void;
  focus(key: string, duration?: number): Promise<void>;
  /** Stops the camera where it is: an animation still running (towards a partner no longer selected) goes no further. */
  hold(): void;
  fit(duration?: number): Promise<void>;
  /** Zoom ratio: 1 shows the whole graph, smaller is closer. */
  ratio(): number;
  /** The graph point at the middle of the view. */
  centre(): { x: number; y: number };
  /** Keys of the labels drawn in the last frame, in priority order. */
  labelled(): readonly string[];
  /** Everything drawn, in one 2D canvas of the stage's size (device pixels). */
  snapshot(): HTMLCanvasElement;
  destroy(): void;
}

/** The stage element carries its sigma instance, so tests and the benchmark can ask sigma where a node is (and which colours it paints with). */
export interface SigmaHost extends HTMLElement { sigma?: Sigma; labelled?: readonly string[]; labelBoxes?: readonly LabelBox[]; theme?: StageTheme }

const LABEL_FONT = '12px system-ui, "DejaVu Sans", sans-serif';
const BUBBLE_FONT = '600 12px system-ui, "DejaVu Sans", sans-serif';

/** Scenes with more links than this draw them only while the camera rests. */
const HIDE_LINKS_ON_MOVE_ABOVE = 2_000;
/**
 * Scenes with more nodes than this draw their labels only while the camera rests, as
 * sigma's hideLabelsOnMove does: placing and haloing hundreds of labels on every frame
 * of a drag was most of a frame in software WebGL (the rings, cheap, stay).
 */
const HIDE_LABELS_ON_MOVE_ABOVE = 500;

export function createStage(events: StageEvents): Stage {
  const element: SigmaHost = document.createElement('div');
  element.className = 'map-sigma';
  element.tabIndex = 0;
  element.setAttribute('role', 'img');
  let scene: StageScene = { sizes: 'screen', nodes: [], links: [], labelsInside: false };
  let graph = new UndirectedGraph();
  let focusKeys: ReadonlySet<string> | null = null;
  let selected: string | null = null;
  let placed: string[] = [];
  /** Label widths by font and text: measuring thousands of labels every frame of a pan cost more than drawing them. */
  const widths = new Map<string, number>();
  let sigma: Sigma | null = null;
  let theme: StageTheme | null = null;
  const overlay = document.createElement('canvas');
  overlay.className = 'map-overlay';
  // While the map is dragged nothing is hovered: this shield takes the pointer, so sigma no
  // longer looks for the node under it on every move (a read of its picking buffer that
  // waits for the frame to be drawn: 5.4 s of a 6 s drag in software WebGL, measured).
  // Sigma follows a drag on the document, so the camera moves as before; a press without
  // a move (a click) never raises it.
  const shield = document.createElement('div');
  shield.className = 'map-drag-shield';
  shield.hidden = true;
  // While dragged, sigma's picking pass (for that lookup) rests too: the frame after the drag draws it again.
  let dragged = false;
  const onDocumentMove = (event: MouseEvent) => {
    // A release the page never heard (outside the window, focus lost): the drag is over.
    if (dragged && event.buttons === 0) { onDocumentUp(); return; }
    const captor = sigma?.getMouseCaptor();
    // Once dragging, until the button is released: sigma's isMoving lapses when the pointer pauses.
    dragged ||= !!(captor?.isMouseDown && captor.isMoving);
    shield.hidden = !dragged;
  };
  const onDocumentUp = () => {
    shield.hidden = true;
    if (dragged) sigma?.scheduleRender();
    dragged = false;
  };
  const { DiscNodeProgram, BandEdgeProgram } = stagePrograms(() => !dragged);
  document.addEventListener('mousemove', onDocumentMove);
  document.addEventListener('mouseup', onDocumentUp);
  // Sigma sizes its canvases when it draws, and it draws on its own only when the window resizes:
  // the side panel opening or closing resizes the stage, and the picture must follow at once.
  const resizes = new ResizeObserver(() => sigma?.scheduleRefresh());
  resizes.observe(element);
  const stopWatchingScheme = onSchemeChange(() => {
    if (!sigma) return;
    loadTheme();
    sigma.refresh();
  });

  /** The colours to paint with, from the stylesheet as it stands (the colour scheme may have changed). */
  function loadTheme(): void {
    element.theme = theme = readStageTheme();
  }

  function ensureSigma(): Sigma {
    if (sigma) return sigma;
    loadTheme();
    sigma = new Sigma(graph, element, {
      renderLabels: false,
      renderEdgeLabels: false,
      allowInvalidContainer: true,
      zIndex: true,
      stagePadding: 40,
      minCameraRatio: 0.005,
      maxCameraRatio: 4,
      defaultEdgeType: 'line',
      nodeProgramClasses: { circle: DiscNodeProgram },
      edgeProgramClasses: { line: BandEdgeProgram },
      // The hovered or selected node gets a halo (rings mark articulation points); its name is in the tooltip.
      defaultDrawNodeHover: (context, data) => {
        context.beginPath();
        context.arc(data.x, data.y, data.size + 4, 0, Math.PI * 2);
        context.strokeStyle = theme!.halo;
        context.lineWidth = 3;
        context.stroke();
      },
      nodeReducer: (key, data) => {
        const out: Partial<NodeDisplayData> & { borderColor?: string } = { ...data, borderColor: theme!.nodeRim };
        if (focusKeys && !focusKeys.has(key)) { out.color = out.borderColor = theme!.dimmedNode; out.zIndex = 0; } else out.zIndex = 1;
        if (key === selected) { out.highlighted = true; out.zIndex = 2; }
        return out;
      },
      edgeReducer: (key, data) => {
        if (!focusKeys) return data;
        const [a, b] = graph.extremities(key);
        const out: Partial<EdgeDisplayData> = { ...data };
        if (!focusKeys.has(a) || !focusKeys.has(b) || (selected && a !== selected && b !== selected)) { out.color = theme!.dimmedLink; out.zIndex = 0; } else out.zIndex = 1;
        return out;
      },
    });
    element.sigma = sigma;
    element.appendChild(overlay);
    element.appendChild(shield);
    sigma.on('clickNode', ({ node }) => events.onClickNode(node));
    sigma.on('clickStage', () => events.onClickStage());
    sigma.on('enterNode', ({ node, event }) => events.onHover(node, event.original instanceof MouseEvent ? event.original.clientX : 0, event.original instanceof MouseEvent ? event.original.clientY : 0));
    sigma.on('leaveNode', () => events.onHover(null, 0, 0));
    sigma.on('afterRender', drawOverlay);
    sigma.getCamera().on('updated', () => events.onCamera());
    return sigma;
  }

  function build(next: StageScene): UndirectedGraph {
    const g = new UndirectedGraph();
    for (const n of next.nodes) g.addNode(n.key, { x: n.x, y: n.y, size: n.size, color: n.colour, label: n.label });
    for (const l of next.links) if (g.hasNode(l.source) && g.hasNode(l.target) && l.source !== l.target) g.mergeEdge(l.source, l.target, { size: l.size, color: l.colour });
    return g;
  }

  /** Labels (without collisions, biggest first) and rings, on the overlay after each sigma frame. */
  function drawOverlay(): void {
    if (!sigma || !theme) return;
    const { width, height } = sigma.getDimensions();
    const dpr = window.devicePixelRatio || 1;
    if (overlay.width !== Math.round(width * dpr) || overlay.height !== Math.round(height * dpr)) {
      overlay.width = Math.round(width * dpr);
      overlay.height = Math.round(height * dpr);
      overlay.style.width = `${width}px`;
      overlay.style.height = `${height}px`;
    }
    const ctx = overlay.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = scene.labelsInside ? BUBBLE_FONT : LABEL_FONT;
    ctx.textBaseline = 'middle';
    const candidates: Array<LabelBox & { text: string; cx: number; cy: number; priority: number }> = [];
    const rings: Array<{ x: number; y: number; r: number }> = [];
    const labelsRest = scene.nodes.length > HIDE_LABELS_ON_MOVE_ABOVE && moving(sigma);
    for (const n of scene.nodes) {
      const p = sigma.graphToViewport(n);
      const r = screenRadius(n, p);
      if (p.x + r < 0 || p.y + r < 0 || p.x - r > width || p.y - r > height) continue;
      const dim = focusKeys !== null && !focusKeys.has(n.key);
      if (n.ring && !dim) rings.push({ x: p.x, y: p.y, r });
      if (labelsRest || dim || !n.label || r < (scene.labelsInside ? 6 : 3)) continue;
      const w = labelWidth(ctx, n.label);
      const box = scene.labelsInside
        ? { x: p.x - w / 2 - 3, y: p.y - 9, width: w + 6, height: 18 }
        : { x: p.x + r + 3, y: p.y - 8, width: w + 4, height: 16 };
      candidates.push({ key: n.key, text: n.label, ...box, cx: p.x, cy: p.y, priority: n.key === selected ? Infinity : n.size });
    }
    candidates.sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : 1));
    const chosen = placeLabels(candidates, 300) as typeof candidates;
    // While labels rest, the last placed ones are still what a reader saw.
    if (!labelsRest) {
      placed = chosen.map((c) => c.key);
      element.labelBoxes = chosen.map(({ key, x, y, width, height }) => ({ key, x, y, width, height }));
    }
    element.labelled = placed;
    ctx.lineJoin = 'round';
    for (const ring of rings) {
      ctx.beginPath();
      ctx.arc(ring.x, ring.y, ring.r + 3, 0, Math.PI * 2);
      ctx.strokeStyle = theme.ring;
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
    for (const c of chosen) {
      const text = c.text;
      const x = scene.labelsInside ? c.cx - (c.width - 6) / 2 : c.x + 1;
      ctx.lineWidth = 3;
      ctx.strokeStyle = theme.labelHalo;
      ctx.strokeText(text, x, c.y + c.height / 2);
      ctx.fillStyle = theme.label;
      ctx.fillText(text, x, c.y + c.height / 2);
    }
  }

  function labelWidth(ctx: CanvasRenderingContext2D, text: string): number {
    const key = `${ctx.font}\u0000${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      if (widths.size > 50_000) widths.clear(); // a long session of many scenes: start again rather than grow
      widths.set(key, (w = ctx.measureText(text).width));
    }
    return w;
  }

  /** The camera is being dragged, pinched or animated: sigma's own test for hideEdgesOnMove. */
  function moving(s: Sigma): boolean {
    return s.getCamera().isAnimated() || s.getMouseCaptor().isMoving || s.getTouchCaptor().isMoving;
  }

  /** A node's radius on screen: bubbles scale with the zoom like positions do; partners as sigma sizes them. */
  function screenRadius(n: StageNode, p: { x: number; y: number }): number {
    if (!sigma) return 0;
    if (scene.sizes === 'screen') return sigma.scaleSize(n.size);
    const edge = sigma.graphToViewport({ x: n.x + n.size, y: n.y });
    return Math.hypot(edge.x - p.x, edge.y - p.y);
  }

  const stage: Stage = {
    element,
    show(next) {
      scene = next;
      focusKeys = null;
      selected = null;
      graph = build(next);
      const s = ensureSigma();
      const bubbles = next.sizes === 'positions';
      s.setSettings({
        itemSizesReference: next.sizes, zoomToSizeRatioFunction: bubbles ? (ratio: number) => ratio : Math.sqrt, enableEdgeEvents: false,
        // Thousands of links redrawn every frame of a pan is what software WebGL cannot keep at 30 fps:
        // on large scenes they rest while the camera moves and come back when it stops, as sigma suggests.
        hideEdgesOnMove: next.links.length > HIDE_LINKS_ON_MOVE_ABOVE,
      });
      s.setGraph(graph);
      // Sigma frames node centres; bubbles reach their radius beyond, so frame what they cover.
      s.setCustomBBox(bubbles ? coveredBox(next.nodes) : null);
      jumpTo(s, WHOLE);
      s.refresh();
    },
    restyle(next) {
      scene = next;
      const fresh = build(next);
      graph.clearEdges();
      fresh.forEachNode((key, attributes) => { if (graph.hasNode(key)) graph.mergeNodeAttributes(key, { size: attributes.size, color: attributes.color, label: attributes.label }); });
      fresh.forEachEdge((_key, attributes, source, target) => graph.mergeEdge(source, target, attributes));
      sigma?.refresh();
    },
    highlight(keys, key) {
      focusKeys = keys;
      selected = key;
      sigma?.refresh({ skipIndexation: false });
    },
    async focus(key, duration = 500) {
      if (!sigma) return;
      const data = sigma.getNodeDisplayData(key);
      if (!data) return;
      const ratio = Math.min(sigma.getCamera().ratio, 0.7);
      if (duration <= 0) jumpTo(sigma, { x: data.x, y: data.y, ratio });
      else await sigma.getCamera().animate({ x: data.x, y: data.y, ratio }, { duration });
    },
    hold() {
      if (sigma) jumpTo(sigma, sigma.getCamera().getState());
    },
    async fit(duration = 0) {
      if (!sigma) return;
      if (duration) await sigma.getCamera().animatedReset({ duration });
      else jumpTo(sigma, WHOLE);
    },
    ratio: () => sigma?.getCamera().ratio ?? 1,
    centre() {
      if (!sigma) return { x: 0, y: 0 };
      const { width, height } = sigma.getDimensions();
      return sigma.viewportToGraph({ x: width / 2, y: height / 2 });
    },
    labelled: () => placed,
    snapshot() {
      const canvas = document.createElement('canvas');
      const s = sigma;
      if (!s) { canvas.width = canvas.height = 1; return canvas; }
      // WebGL canvases keep no drawing buffer: draw now and copy in the same task.
      s.refresh();
      const layers = s.getCanvases();
      const first = layers.edges ?? overlay;
      canvas.width = first.width;
      canvas.height = first.height;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = theme!.background;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      for (const name of ['edges', 'nodes', 'labels', 'hovers', 'hoverNodes']) {
        const layer = layers[name];
        if (layer && layer.width > 0 && layer.height > 0) ctx.drawImage(layer, 0, 0, canvas.width, canvas.height);
      }
      if (overlay.width > 0 && overlay.height > 0) ctx.drawImage(overlay, 0, 0, canvas.width, canvas.height);
      return canvas;
    },
    destroy() {
      document.removeEventListener('mousemove', onDocumentMove);
      document.removeEventListener('mouseup', onDocumentUp);
      resizes.disconnect();
      stopWatchingScheme();
      sigma?.kill();
      sigma = null;
      element.remove();
    },
  };
  return stage;
}

/** The camera showing the whole graph. */
const WHOLE: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

/**
 * Puts the camera at `state` now, and keeps it there: sigma's camera has no way to stop an
 * animation, and one still running (a focus on the partner selected before) would carry
 * the camera on over the new picture. A newer animation replaces it; a 1 ms one ends on
 * the next frame, at `state`.
 */
function jumpTo(sigma: Sigma, state: Partial<CameraState>): void {
  const camera = sigma.getCamera();
  camera.setState(state);
  if (camera.isAnimated()) void camera.animate(state, { duration: 1 });
}

/** The box the nodes' discs cover, in graph units. */
function coveredBox(nodes: readonly StageNode[]): { x: [number, number]; y: [number, number] } | null {
  if (nodes.length === 0) return null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x - n.size); x1 = Math.max(x1, n.x + n.size);
    y0 = Math.min(y0, n.y - n.size); y1 = Math.max(y1, n.y + n.size);
  }
  return { x: [x0, x1], y: [y0, y1] };
}
