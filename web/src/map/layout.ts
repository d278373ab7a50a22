/**
 * Layout of one level of the map, apart from drawing: ForceAtlas2 (graphology) from
 * seeded starting places for a fixed number of iterations, then, for bubbles, noverlap
 * so that no two touch. No randomness after the start, so the same graph always gives
 * the same picture. Runs in a Web Worker (layout.worker.ts); pure, so tests run it here.
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';
import { seededRandom } from '../lib/rng.ts';

// CommonJS packages: the bundler hands module.exports (the function) as the default,
// while TypeScript under NodeNext types the default import as the module itself.
const forceAtlas2 = ((forceAtlas2Module as { default?: unknown }).default ?? forceAtlas2Module) as typeof forceAtlas2Module.default;
const noverlap = ((noverlapModule as { default?: unknown }).default ?? noverlapModule) as typeof noverlapModule.default;

export interface LayoutInput {
  /** Node radius in layout units (noverlap keeps bubbles this far apart). */
  size: Float32Array;
  source: Uint32Array;
  target: Uint32Array;
  weight: Float32Array;
  seed: number;
  /** Push overlapping nodes apart after the forces (the overview's bubbles). */
  separate?: boolean;
  /** Fixed iteration count; default from the graph's size (layoutIterations). */
  iterations?: number;
}

export interface LayoutResult {
  x: Float32Array;
  y: Float32Array;
  iterations: number;
  ms: number;
}

/** How many parts the iterations run in, each reported as progress. */
export const LAYOUT_STEPS = 10;

/**
 * Iterations by graph size: a Barnes–Hut iteration costs about n log n + m, so the count
 * is a fixed work budget (about a second in a worker at any size), 60 to 400.
 */
export function layoutIterations(nodes: number, edges: number): number {
  const work = nodes * Math.log2(nodes + 1) + edges;
  return Math.max(60, Math.min(400, Math.round(4e6 / Math.max(1, work))));
}

/** Starting places: a sunflower spiral in node order, jittered by the seed, so no two nodes start together. */
export function startingPlaces(n: number, seed: number, spacing = 10): { x: Float32Array; y: Float32Array } {
  const random = seededRandom(seed);
  const golden = Math.PI * (3 - Math.sqrt(5));
  const x = new Float32Array(n), y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = spacing * Math.sqrt(i + 0.5);
    x[i] = r * Math.cos(i * golden) + (random() - 0.5) * spacing;
    y[i] = r * Math.sin(i * golden) + (random() - 0.5) * spacing;
  }
  return { x, y };
}

export function computeLayout(input: LayoutInput, onProgress: (share: number) => void = () => {}): LayoutResult {
  const started = performance.now();
  const n = input.size.length, m = input.source.length;
  const iterations = input.iterations ?? layoutIterations(n, m);
  const start = startingPlaces(n, input.seed);
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(i, { x: start.x[i]!, y: start.y[i]!, size: input.size[i]! });
  for (let e = 0; e < m; e++) {
    const s = input.source[e]!, t = input.target[e]!;
    if (s !== t) graph.mergeEdge(s, t, { weight: input.weight[e]! });
  }
  const settings = { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1, adjustSizes: false };
  if (m > 0) {
    for (let step = 0; step < LAYOUT_STEPS; step++) {
      const part = Math.round((iterations * (step + 1)) / LAYOUT_STEPS) - Math.round((iterations * step) / LAYOUT_STEPS);
      if (part > 0) forceAtlas2.assign(graph, { iterations: part, settings, getEdgeWeight: 'weight' });
      onProgress((step + 1) / (LAYOUT_STEPS + (input.separate ? 1 : 0)));
    }
  }
  if (input.separate) noverlap.assign(graph, { maxIterations: 200, settings: { margin: 4, ratio: 1.1, speed: 3 } });
  onProgress(1);
  const x = new Float32Array(n), y = new Float32Array(n);
  graph.forEachNode((node, a) => { x[Number(node)] = a.x as number; y[Number(node)] = a.y as number; });
  return { x, y, iterations, ms: performance.now() - started };
}
