/** The contract's Network type, as the map view receives it: generated from NETWORK_QUERY (map.queries.ts). */
import type { NetworkQuery } from '../api/generated/graphql.ts';

export type NetworkAnswer = NetworkQuery['network'];
/** What the map draws: the answer without its freshness (`stale`, `computedAt`: live-metrics.ts). */
export type Network = Omit<NetworkAnswer, 'stale' | 'computedAt'>;
/** kind: PARTNER or CUSTOMER; partnerType null for customers. */
export type NetworkNode = Network['nodes'][number];
