/**
 * The network: the co-delivery projection read in one statement, its metrics
 * (betweenness, PageRank, Louvain) computed in a worker thread, cached per graph version.
 *
 * The area's only door: nothing outside graph/network/ imports its other files.
 */
export { NETWORK_LIMITS, network, networkComputations } from './network.ts';
export { mulberry32 } from './random.ts';
