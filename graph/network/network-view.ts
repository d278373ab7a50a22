/** The network view as the API returns it (contract: Network, NetworkNode, NetworkEdge). */
import type { NetworkEdgeKind, NetworkNodeKind } from '../model/index.ts';
import { byCodeUnits } from './co-delivery.ts';

export interface NetworkNode {
  id: string;
  kind: NetworkNodeKind;
  label: string;
  partnerType: string | null;
  /** Edges of any kind incident to the node in the filtered network, before `limit`. */
  degree: number;
  betweenness: number;
  pagerank: number;
  community: number;
}

export interface NetworkEdge {
  /** A partner. */
  source: string;
  /** A partner (CO_DELIVERS, source < target) or a customer. */
  target: string;
  kind: NetworkEdgeKind;
  weight: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  truncated: boolean;
}

/** Node order: id, then kind (a partner and a customer may share an id). */
export function compareNodes(a: NetworkNode, b: NetworkNode): number {
  return byCodeUnits(a.id, b.id) || byCodeUnits(a.kind, b.kind);
}

/** Edge order: source, target, kind. */
export function compareEdges(a: NetworkEdge, b: NetworkEdge): number {
  return byCodeUnits(a.source, b.source) || byCodeUnits(a.target, b.target) || byCodeUnits(a.kind, b.kind);
}
