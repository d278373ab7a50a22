/** The network view as the API returns it (contract: Network, NetworkNode, NetworkEdge, NetworkCommunity, CommunityLink). */
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
  articulationPoint: boolean;
}

export interface NetworkEdge {
  /** A partner. */
  source: string;
  /** A partner (CO_DELIVERS, source < target) or a customer. */
  target: string;
  kind: NetworkEdgeKind;
  weight: number;
  bridge: boolean;
}

export interface NetworkCommunity {
  id: number;
  size: number;
  label: string;
  topPartners: NetworkNode[];
}

export interface CommunityLink {
  source: number;
  target: number;
  weight: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  truncated: boolean;
  partnerCount: number;
  computedAt: string;
  stale: boolean;
  betweennessSample: number | null;
  communities: NetworkCommunity[];
  communityLinks: CommunityLink[];
}

/**
 * Where an answer came from, beside it (not part of the GraphQL answer): the stored
 * metrics' key and the graph version they describe. api/server/answer-cache.ts keeps it
 * with the answer's bytes, so after a write the same bytes, marked stale, can answer
 * again while nothing newer is computed (staleNetworkAnswers).
 */
export interface NetworkSource {
  metricsKey: string;
  metricsVersion: number;
}

/** Node order: id, then kind (a partner and a customer may share an id). */
export function compareNodes(a: Pick<NetworkNode, 'id' | 'kind'>, b: Pick<NetworkNode, 'id' | 'kind'>): number {
  return byCodeUnits(a.id, b.id) || byCodeUnits(a.kind, b.kind);
}

/** Edge order: source, target, kind. */
export function compareEdges(a: NetworkEdge, b: NetworkEdge): number {
  return byCodeUnits(a.source, b.source) || byCodeUnits(a.target, b.target) || byCodeUnits(a.kind, b.kind);
}
