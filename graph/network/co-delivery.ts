/**
 * The co-delivery graph: partners, and an undirected CO_DELIVERS edge between two
 * partners for every pair that delivered together, weighted by how many engagements
 * they shared. Built from the projection (projection.ts), by partner rank: the
 * position of its id in code-unit order.
 */
import { UndirectedGraph } from 'graphology';
import type { IndexedLinks } from './projection.ts';

export interface PartnerAttributes {
  label: string;
  partnerType: string;
}

export interface CoDeliveryAttributes {
  weight: number;
}

export type CoDeliveryGraph = UndirectedGraph<PartnerAttributes, CoDeliveryAttributes>;

/** Code-unit order: the same on every machine and locale (localeCompare is not). */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Partners in id order: `order[k]` is the projection index of the k-th smallest id, `rank` the inverse. */
export interface PartnerOrder {
  order: Int32Array;
  rank: Int32Array;
}

export function partnerOrder(ids: readonly string[]): PartnerOrder {
  const order = Int32Array.from(ids.keys()).sort((x, y) => byCodeUnits(ids[x]!, ids[y]!));
  const rank = new Int32Array(ids.length);
  order.forEach((index, k) => { rank[index] = k; });
  return { order, rank };
}

/** CO_DELIVERS edges by partner rank (id order), source < target, ordered by source then target. */
export interface RankedPairs {
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/**
 * The pairs of the projection (projection indices, either end first) in rank terms,
 * ordered. A pair given twice (either way round) is an error: the projection
 * aggregates each pair once. O(E log E).
 */
export function rankPairs(pairs: IndexedLinks, { rank }: PartnerOrder): RankedPairs {
  const n = rank.length;
  const count = pairs.from.length;
  // One number per edge, source * n + target, exact up to n = 2^26 (53-bit doubles).
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const a = rank[pairs.from[i]!]!;
    const b = rank[pairs.to[i]!]!;
    keys[i] = a < b ? a * n + b : b * n + a;
  }
  const byKey = Int32Array.from(keys.keys()).sort((x, y) => keys[x]! - keys[y]!);
  const out: RankedPairs = { source: new Int32Array(count), target: new Int32Array(count), weight: new Float64Array(count) };
  byKey.forEach((i, k) => {
    if (k > 0 && keys[byKey[k - 1]!] === keys[i]) throw new Error(`CO_DELIVERS pair given twice: ${keys[i]}`);
    out.source[k] = Math.floor(keys[i]! / n);
    out.target[k] = keys[i]! % n;
    out.weight[k] = pairs.weight[i]!;
  });
  return out;
}

/**
 * The CO_DELIVERS graph: nodes added in id order and edges in (source, target) order,
 * so the graph, and every algorithm that walks it in insertion order, is the same for
 * the same data whatever order the database returned rows in. forEachNode then visits
 * ranks 0..n-1 and forEachEdge the pairs in their order, which the metrics' columns rely on.
 */
export function rankedGraph(partners: { ids: readonly string[]; names: readonly string[]; types: readonly string[] },
  { order }: PartnerOrder, pairs: RankedPairs): CoDeliveryGraph {
  const graph: CoDeliveryGraph = new UndirectedGraph<PartnerAttributes, CoDeliveryAttributes>();
  for (const index of order) graph.addNode(partners.ids[index]!, { label: partners.names[index]!, partnerType: partners.types[index]! });
  for (let k = 0; k < pairs.source.length; k++) {
    graph.addUndirectedEdge(partners.ids[order[pairs.source[k]!]!]!, partners.ids[order[pairs.target[k]!]!]!, { weight: pairs.weight[k]! });
  }
  return graph;
}

/**
 * The CO_DELIVERS graph of tuples (tests and small tools): an edge whose end is not a
 * partner of the projection, or a pair given twice, is an error.
 */
export function coDeliveryGraph(projection: {
  partners: ReadonlyArray<readonly [string, string, string]>;
  coDelivers: ReadonlyArray<readonly [string, string, number]>;
}): CoDeliveryGraph {
  const partners = {
    ids: projection.partners.map((p) => p[0]), names: projection.partners.map((p) => p[1]), types: projection.partners.map((p) => p[2]),
  };
  const index = new Map(partners.ids.map((id, i) => [id, i]));
  const end = (id: string) => {
    const found = index.get(id);
    if (found === undefined) throw new Error(`CO_DELIVERS edge to an unknown partner: ${id}`);
    return found;
  };
  const pairs: IndexedLinks = {
    from: Int32Array.from(projection.coDelivers, (e) => end(e[0])),
    to: Int32Array.from(projection.coDelivers, (e) => end(e[1])),
    weight: Float64Array.from(projection.coDelivers, (e) => e[2]),
  };
  const order = partnerOrder(partners.ids);
  return rankedGraph(partners, order, rankPairs(pairs, order));
}
