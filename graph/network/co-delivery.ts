/**
 * The co-delivery graph: partners, and an undirected CO_DELIVERS edge between two
 * partners for every pair that delivered together, weighted by how many engagements
 * they shared. Built from the projection network.queries.ts returns.
 */
import { UndirectedGraph } from 'graphology';

/** What the database hands over: plain tuples (see NetworkProjectionRow). */
export interface NetworkProjection {
  /** [id, name, type] */
  partners: ReadonlyArray<readonly [string, string, string]>;
  /** [id, name] */
  customers: ReadonlyArray<readonly [string, string]>;
  /** [partner, partner, shared engagements] */
  coDelivers: ReadonlyArray<readonly [string, string, number]>;
  /** [partner, customer, engagements] */
  orchestratesFor: ReadonlyArray<readonly [string, string, number]>;
  contributesTo: ReadonlyArray<readonly [string, string, number]>;
}

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

/**
 * The CO_DELIVERS graph of the partners in `projection`. Nodes are added in id order
 * and edges in (source, target) order with source < target, so the graph, and every
 * algorithm that walks it in insertion order, is the same for the same data whatever
 * order the database returned rows in. An edge whose end is not a partner of the
 * projection, or a pair given twice, is an error: the projection is built to exclude both.
 * O(V log V + E log E).
 */
export function coDeliveryGraph(projection: Pick<NetworkProjection, 'partners' | 'coDelivers'>): CoDeliveryGraph {
  const graph: CoDeliveryGraph = new UndirectedGraph<PartnerAttributes, CoDeliveryAttributes>();
  const partners = [...projection.partners].sort((x, y) => byCodeUnits(x[0], y[0]));
  for (const [id, label, partnerType] of partners) graph.addNode(id, { label, partnerType });
  const edges = projection.coDelivers
    .map(([a, b, weight]) => (byCodeUnits(a, b) <= 0 ? [a, b, weight] as const : [b, a, weight] as const))
    .sort((x, y) => byCodeUnits(x[0], y[0]) || byCodeUnits(x[1], y[1]));
  for (const [a, b, weight] of edges) graph.addUndirectedEdge(a, b, { weight });
  return graph;
}
