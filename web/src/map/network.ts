/** The contract's Network type, as the map view receives it: generated from NETWORK_QUERY (map.queries.ts). */
import type { NetworkQuery } from '../api/generated/graphql.ts';

export type Network = NetworkQuery['network'];
/** kind: PARTNER or CUSTOMER; partnerType null for customers. */
export type NetworkNode = Network['nodes'][number];
