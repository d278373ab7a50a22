/** The network view assembled from the projection and the metrics of its co-delivery graph. */
import { coDeliveryGraph, type NetworkProjection } from './co-delivery.ts';
import { networkMetrics, type MetricsOptions } from './metrics.ts';
import { compareEdges, compareNodes, type Network, type NetworkEdge, type NetworkNode } from './network-view.ts';
import { truncateNetwork } from './truncate.ts';

/**
 * The whole filtered network: partner nodes with their metrics on the co-delivery
 * graph, customer nodes (betweenness 0, pagerank 0, community -1) when the projection
 * has them, and every edge. `degree` counts the edges of every kind the network holds.
 * Nodes ordered by id (then kind), edges by source, target, kind. Never truncated.
 */
export function assembleNetwork(projection: NetworkProjection, options: Partial<MetricsOptions> = {}): Network {
  const graph = coDeliveryGraph(projection);
  const metrics = networkMetrics(graph, options);
  const edges: NetworkEdge[] = [];
  graph.forEachEdge((_edge, { weight }, source, target) => edges.push({ source, target, kind: 'CO_DELIVERS', weight }));
  for (const [source, target, weight] of projection.orchestratesFor) edges.push({ source, target, kind: 'ORCHESTRATES_FOR', weight });
  for (const [source, target, weight] of projection.contributesTo) edges.push({ source, target, kind: 'CONTRIBUTES_TO', weight });
  edges.sort(compareEdges);

  const partnerDegree = new Map<string, number>();
  const customerDegree = new Map<string, number>();
  const bump = (degrees: Map<string, number>, id: string) => degrees.set(id, (degrees.get(id) ?? 0) + 1);
  for (const edge of edges) {
    bump(partnerDegree, edge.source);
    bump(edge.kind === 'CO_DELIVERS' ? partnerDegree : customerDegree, edge.target);
  }

  const nodes: NetworkNode[] = [];
  graph.forEachNode((id, { label, partnerType }) => {
    const m = metrics.get(id)!;
    nodes.push({ id, kind: 'PARTNER', label, partnerType, degree: partnerDegree.get(id) ?? 0, ...m });
  });
  for (const [id, label] of projection.customers) {
    nodes.push({ id, kind: 'CUSTOMER', label, partnerType: null, degree: customerDegree.get(id) ?? 0, betweenness: 0, pagerank: 0, community: -1 });
  }
  nodes.sort(compareNodes);
  return { nodes, edges, truncated: false };
}

/** What the worker runs: the whole network, its metrics, then `limit`. */
export function computeNetwork(projection: NetworkProjection, limit: number, options: Partial<MetricsOptions> = {}): Network {
  return truncateNetwork(assembleNetwork(projection, options), limit);
}
