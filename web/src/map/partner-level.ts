/**
 * One community's partners as drawn: sizes by the chosen metric, links thinned to the
 * strongest per partner (link-thinning.ts) with the count of hidden ones, and the single
 * points of failure: articulation points (most between first) and bridges (heaviest
 * first). Pure.
 */
import { strongestLinks } from './link-thinning.ts';
import type { LayoutInput } from './layout.ts';
import type { SizeBy } from './map-filter.ts';
import type { CommunityAnswer, NetworkEdge, NetworkNode } from './network.ts';

/** The layout always uses this many strongest links per partner, so changing how many are drawn keeps the places. */
export const LAYOUT_LINKS = 5;

export interface PartnerLevel {
  /** Partners in id order (the layout's node order). */
  nodes: NetworkNode[];
  index: Map<string, number>;
  /** Every co-delivery link among them, by source then target. */
  edges: NetworkEdge[];
  /** Indices into `edges` of the links drawn. */
  drawn: number[];
  hidden: number;
  /** Node radius in screen pixels. */
  radius: Float32Array;
  articulationPoints: NetworkNode[];
  bridges: NetworkEdge[];
  layout: Omit<LayoutInput, 'seed'>;
  keys: string[];
}

export function sizeValue(node: NetworkNode, sizeBy: SizeBy, values: ReadonlyMap<string, number>): number {
  switch (sizeBy) {
    case 'pagerank': return node.pagerank;
    case 'degree': return node.degree;
    case 'value': return values.get(node.id) ?? 0;
  }
}

/** Radius in screen pixels: area proportional to the value, 3 to 14. */
export function nodeRadius(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 3;
  return 3 + 11 * Math.sqrt(Math.min(1, value / max));
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildPartnerLevel(answer: Pick<CommunityAnswer, 'nodes' | 'edges'>, sizeBy: SizeBy, values: ReadonlyMap<string, number>, linksPerNode: number): PartnerLevel {
  const nodes = answer.nodes.filter((n) => n.kind !== 'CUSTOMER').sort((a, b) => byId(a.id, b.id));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = answer.edges
    .filter((e) => e.kind === 'CO_DELIVERS' && index.has(e.source) && index.has(e.target) && e.source !== e.target)
    .map((e) => (e.source < e.target ? e : { ...e, source: e.target, target: e.source }))
    .sort((a, b) => byId(a.source, b.source) || byId(a.target, b.target));
  const drawn = strongestLinks(edges, linksPerNode);
  const forLayout = strongestLinks(edges, LAYOUT_LINKS);
  const max = Math.max(0, ...nodes.map((n) => sizeValue(n, sizeBy, values)));
  const radius = Float32Array.from(nodes, (n) => nodeRadius(sizeValue(n, sizeBy, values), max));
  return {
    nodes, index, edges, drawn, hidden: edges.length - drawn.length, radius,
    articulationPoints: nodes.filter((n) => n.articulationPoint).sort((a, b) => b.betweenness - a.betweenness || byId(a.id, b.id)),
    bridges: edges.filter((e) => e.bridge).sort((a, b) => b.weight - a.weight || byId(a.source, b.source) || byId(a.target, b.target)),
    keys: nodes.map((n) => n.id),
    layout: {
      size: radius,
      source: Uint32Array.from(forLayout, (i) => index.get(edges[i]!.source)!),
      target: Uint32Array.from(forLayout, (i) => index.get(edges[i]!.target)!),
      weight: Float32Array.from(forLayout, (i) => edges[i]!.weight),
    },
  };
}

/** A partner and the partners it shares a drawn link with. */
export function neighbourhood(level: PartnerLevel, id: string): Set<string> {
  const out = new Set([id]);
  for (const i of level.drawn) {
    const e = level.edges[i]!;
    if (e.source === id) out.add(e.target);
    else if (e.target === id) out.add(e.source);
  }
  return out;
}
