/**
 * The network, GraphQL side: `network`, its nodes, edges and metrics.
 * The area's only door: nothing outside api/network/ imports its other files.
 */
import { NetworkResolver } from './network.resolver.ts';

export const networkResolvers = [NetworkResolver] as const;
