/** The contract's Network type, as the map view receives it. */
import type { PartnerType } from '../lib/palette.ts';

export interface NetworkNode {
  id: string;
  /** PARTNER or CUSTOMER. */
  kind: string;
  label: string;
  partnerType: PartnerType | null;
  degree: number;
  betweenness: number;
  pagerank: number;
  community: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  /** CO_DELIVERS, ORCHESTRATES_FOR or CONTRIBUTES_TO. */
  kind: string;
  weight: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  truncated: boolean;
}
