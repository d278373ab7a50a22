/** The contract's Network as the map receives it, at its two levels (map.queries.ts). */
import type { CommunityAnswer, OverviewAnswer } from './map.queries.ts';

export type { CommunityAnswer, OverviewAnswer };
export type Community = OverviewAnswer['communities'][number];
export type CommunityLink = OverviewAnswer['communityLinks'][number];
/** A partner inside a community, with its metrics and whether it is an articulation point. */
export type NetworkNode = CommunityAnswer['nodes'][number];
export type NetworkEdge = CommunityAnswer['edges'][number];
