/**
 * From the API's Network to what the layout and the canvas need: nodes in id order
 * (so the same data gives the same layout), sizes, colours, edge styles, hulls.
 */
import { polygonHull } from 'd3';
import { CUSTOMER_COLOUR, OKABE_ITO, PARTNER_TYPES, TYPE_COLOURS } from '../lib/palette.ts';
import type { LayoutInput } from './layout.ts';
import type { Network, NetworkNode } from './network.ts';
import type { EdgeStyle, Hull, Scene } from './scene.ts';

export type SizeBy = 'pagerank' | 'value' | 'degree';

/** Node colours: the partner types in PARTNER_TYPES order, then customers. */
export const NODE_PALETTE: readonly string[] = [...PARTNER_TYPES.map((t) => TYPE_COLOURS[t]), CUSTOMER_COLOUR];
const CUSTOMER_INDEX = PARTNER_TYPES.length;

/** CO_DELIVERS by weight band (thicker = more shared engagements), then the two partner–customer relations. */
export const EDGE_STYLES: readonly (EdgeStyle & { legend: string })[] = [
  { colour: '#555555', width: 0.6, alpha: 0.35, legend: 'co-delivers: 1 engagement' },
  { colour: '#555555', width: 1.3, alpha: 0.45, legend: 'co-delivers: 2' },
  { colour: '#444444', width: 2.4, alpha: 0.55, legend: 'co-delivers: 3–4' },
  { colour: '#333333', width: 4, alpha: 0.6, legend: 'co-delivers: 5 or more' },
  { colour: OKABE_ITO.blue, width: 1.6, alpha: 0.8, legend: 'orchestrates for (customer)' },
  { colour: OKABE_ITO.vermillion, width: 1.2, alpha: 0.8, dash: [4, 3], legend: 'contributes to (customer)' },
];

export function edgeStyleIndex(kind: string, weight: number): number {
  if (kind === 'ORCHESTRATES_FOR') return 4;
  if (kind === 'CONTRIBUTES_TO') return 5;
  return weight >= 5 ? 3 : weight >= 3 ? 2 : weight >= 2 ? 1 : 0;
}

/** Radius in layout units: area proportional to the value, 3 to 18. */
export function nodeRadius(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 3;
  return 3 + 15 * Math.sqrt(Math.min(1, value / max));
}

export interface MapModel {
  nodes: NetworkNode[];
  index: Map<string, number>;
  layout: Omit<LayoutInput, 'seed' | 'ticks'>;
  scene: Omit<Scene, 'x' | 'y' | 'hulls'>;
  /** Edges per kind, as drawn. */
  edgeCounts: Record<string, number>;
}

export function sizeValue(node: NetworkNode, sizeBy: SizeBy, values: ReadonlyMap<string, number>): number {
  switch (sizeBy) {
    case 'pagerank': return node.pagerank;
    case 'degree': return node.degree;
    case 'value': return values.get(node.id) ?? 0;
  }
}

export function buildMapModel(network: Network, sizeBy: SizeBy = 'pagerank', values: ReadonlyMap<string, number> = new Map()): MapModel {
  const nodes = [...network.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const partners = nodes.filter((n) => n.kind !== 'CUSTOMER');
  const max = Math.max(0, ...partners.map((n) => sizeValue(n, sizeBy, values)));
  const n = nodes.length;
  const radius = new Float32Array(n);
  const colour = new Uint8Array(n);
  const community = new Int32Array(n);
  nodes.forEach((node, i) => {
    const customer = node.kind === 'CUSTOMER';
    radius[i] = customer ? 3 : nodeRadius(sizeValue(node, sizeBy, values), max);
    const t = node.partnerType ? PARTNER_TYPES.indexOf(node.partnerType) : -1;
    colour[i] = customer || t < 0 ? CUSTOMER_INDEX : t;
    community[i] = node.community;
  });
  const edges = network.edges
    .map((e) => ({ s: index.get(e.source), t: index.get(e.target), kind: e.kind, weight: e.weight }))
    .filter((e): e is { s: number; t: number; kind: string; weight: number } => e.s !== undefined && e.t !== undefined && e.s !== e.t)
    .sort((a, b) => a.s - b.s || a.t - b.t || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const edgeCounts: Record<string, number> = {};
  for (const e of edges) edgeCounts[e.kind] = (edgeCounts[e.kind] ?? 0) + 1;
  const source = Uint32Array.from(edges, (e) => e.s);
  const target = Uint32Array.from(edges, (e) => e.t);
  return {
    nodes, index, edgeCounts,
    layout: { community, radius, source, target, weight: Float32Array.from(edges, (e) => e.weight) },
    scene: {
      radius, colour, palette: NODE_PALETTE, labels: nodes.map((node) => node.label), source, target,
      style: Uint8Array.from(edges, (e) => edgeStyleIndex(e.kind, e.weight)), edgeStyles: EDGE_STYLES,
    },
  };
}

/** Padded convex hulls of the communities with at least `minMembers` placed nodes. */
export function communityHulls(x: Float32Array, y: Float32Array, community: Int32Array, radius: Float32Array, minMembers = 2, pad = 8): Hull[] {
  const groups = new Map<number, Array<[number, number]>>();
  const counts = new Map<number, number>();
  for (let i = 0; i < x.length; i++) {
    const c = community[i]!;
    if (c < 0) continue;
    let points = groups.get(c);
    if (!points) groups.set(c, (points = []));
    const r = radius[i]! + pad;
    points.push([x[i]! - r, y[i]!], [x[i]! + r, y[i]!], [x[i]!, y[i]! - r], [x[i]!, y[i]! + r]);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const hulls: Hull[] = [];
  for (const [c, points] of [...groups].sort((a, b) => a[0] - b[0])) {
    if ((counts.get(c) ?? 0) < minMembers) continue;
    const hull = polygonHull(points);
    if (hull) hulls.push({ points: Float32Array.from(hull.flat()), label: `Community ${c}` });
  }
  return hulls;
}
