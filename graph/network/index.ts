/**
 * The network: the co-delivery projection streamed from the database, its metrics
 * computed in a worker thread once per graph version and filter, stored for every API
 * process, and served stale while a recomputation runs (contract: Network at scale).
 *
 * The area's only door: nothing outside graph/network/ imports its other files.
 */
export { NETWORK_LIMITS, network, networkComputations, readCoDeliveryGraph, staleNetworkAnswers } from './network.ts';
export type { NetworkFilter } from './network.ts';
export type { CoDeliveryGraph } from './co-delivery.ts';
export type { CommunityLink, Network, NetworkCommunity, NetworkEdge, NetworkNode, NetworkSource } from './network-view.ts';
export { mulberry32 } from './random.ts';
export { BETWEENNESS_EXACT_MAX_NODES, BETWEENNESS_SAMPLE_SOURCES, betweennessOf } from './betweenness.ts';
