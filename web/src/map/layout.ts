/**
 * Force layout of the network map, apart from drawing: d3-force with a seeded random
 * source and a fixed number of ticks, so the same graph always gives the same picture.
 * Runs in a Web Worker (layout.worker.ts); pure, so tests run it directly.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, forceCollide, type SimulationNodeDatum } from 'd3';
import { seededRandom } from '../lib/rng.ts';

export interface LayoutInput {
  /** Community of each node (-1: none); members start together and are pulled together. */
  community: Int32Array;
  /** Node radius in layout units (collision for small graphs). */
  radius: Float32Array;
  source: Uint32Array;
  target: Uint32Array;
  weight: Float32Array;
  seed: number;
  /** Fixed tick count; default from the graph's size (layoutTicks). */
  ticks?: number;
}

export interface LayoutResult {
  x: Float32Array;
  y: Float32Array;
  ticks: number;
  ms: number;
}

interface SimNode extends SimulationNodeDatum {
  index: number;
  c: number;
}

/**
 * Ticks by graph size: a Barnes–Hut tick costs about n log n + m, so the tick count is
 * a fixed work budget (about 2–3 s in a worker for any size), 300 at most, 40 at least.
 * The community-seeded start (initialPositions) is already close, so 40 ticks suffice.
 */
export function layoutTicks(nodes: number, edges: number): number {
  const work = nodes * Math.log2(nodes + 1) + edges / 2;
  return Math.max(40, Math.min(300, Math.round(6.5e6 / Math.max(1, work))));
}

/**
 * Initial positions: communities on a sunflower spiral, each sized by its membership,
 * members on a small spiral inside. Deterministic, and close to the final picture, so
 * few ticks suffice.
 */
export function initialPositions(community: Int32Array, spacing = 12): { x: Float32Array; y: Float32Array } {
  const n = community.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    const key = c < 0 ? -1 - i : c;   // no community: a group of one
    let members = groups.get(key);
    if (!members) groups.set(key, (members = []));
    members.push(i);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const golden = Math.PI * (3 - Math.sqrt(5));
  let area = 0;
  ordered.forEach((members, g) => {
    const groupRadius = spacing * Math.sqrt(members.length);
    area += groupRadius * groupRadius * 4;
    const r = g === 0 ? 0 : Math.sqrt(area / Math.PI);
    const cx = r * Math.cos(g * golden);
    const cy = r * Math.sin(g * golden);
    members.forEach((node, k) => {
      const rr = spacing * Math.sqrt(k + 0.5);
      x[node] = cx + rr * Math.cos(k * golden);
      y[node] = cy + rr * Math.sin(k * golden);
    });
  });
  return { x, y };
}

/** A force pulling each node towards its community's centre, O(n) per tick. */
function communityForce(nodes: SimNode[], strength: number) {
  const sums = new Map<number, [number, number, number]>();
  return (alpha: number) => {
    sums.clear();
    for (const d of nodes) {
      if (d.c < 0) continue;
      const s = sums.get(d.c) ?? [0, 0, 0];
      s[0] += d.x!; s[1] += d.y!; s[2] += 1;
      sums.set(d.c, s);
    }
    for (const d of nodes) {
      const s = d.c < 0 ? undefined : sums.get(d.c);
      if (!s || s[2] < 2) continue;
      d.vx! += (s[0] / s[2] - d.x!) * strength * alpha;
      d.vy! += (s[1] / s[2] - d.y!) * strength * alpha;
    }
  };
}

export function computeLayout(input: LayoutInput): LayoutResult {
  const started = performance.now();
  const n = input.community.length;
  const m = input.source.length;
  const ticks = input.ticks ?? layoutTicks(n, m);
  const start = initialPositions(input.community);
  const nodes: SimNode[] = Array.from({ length: n }, (_, i) => ({ index: i, c: input.community[i]!, x: start.x[i]!, y: start.y[i]! }));
  // s, t: the endpoints' indices (forceLink replaces source and target by the nodes).
  const links = Array.from({ length: m }, (_, e) => ({ source: input.source[e]!, target: input.target[e]!, s: input.source[e]!, t: input.target[e]!, w: input.weight[e]! }));
  // d3's default link strength, weakened between communities so that communities separate.
  const count = new Uint32Array(n);
  for (const l of links) { count[l.s]!++; count[l.t]!++; }
  const strength = (l: (typeof links)[number]) => {
    const base = 1 / Math.min(count[l.s]!, count[l.t]!);
    const same = input.community[l.s]! >= 0 && input.community[l.s] === input.community[l.t];
    return same ? base : base * 0.25;
  };
  const large = n > 3_000;
  const simulation = forceSimulation(nodes)
    .randomSource(seededRandom(input.seed))
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .force('charge', forceManyBody<SimNode>().strength(large ? -20 : n < 300 ? -160 : -60).theta(large ? 1.2 : 0.9))
    .force('link', forceLink<SimNode, (typeof links)[number]>(links).distance((l) => 30 + 20 / Math.sqrt(l.w)).strength(strength))
    .force('x', forceX<SimNode>(0).strength(0.03))
    .force('y', forceY<SimNode>(0).strength(0.03))
    .force('community', communityForce(nodes, large ? 0.15 : 0.3))
    .stop();
  if (!large) simulation.force('collide', forceCollide<SimNode>((d) => input.radius[d.index]! + 2).iterations(1));
  for (let t = 0; t < ticks; t++) simulation.tick();
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  nodes.forEach((d, i) => { x[i] = d.x!; y[i] = d.y!; });
  return { x, y, ticks, ms: performance.now() - started };
}
