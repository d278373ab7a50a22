/** The network view (contract: NetworkFilter, NetworkNode, NetworkEdge, Network). */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { NetworkEdgeKind, NetworkNodeKind, PartnerType } from '../../graph/model/index.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
import { DateTimeScalar } from '../graphql/date-time-scalar.ts';
import { PartnerTypeEnum } from '../graphql/enums.ts';

@InputType()
export class NetworkFilter {
  @Field(() => [ID], { nullable: true, description: 'Partners operating in one of these regions, and engagements whose customer is in one of them (an empty list matches nothing).' })
  regions?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Partners serving one of these industries, and engagements whose customer is in one of them (an empty list matches nothing).' })
  industries?: string[] | null;
  @Field(() => [PartnerTypeEnum], { nullable: true }) partnerTypes?: PartnerType[] | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Engagements whose [startDate, endDate] overlaps [since, until]; a missing bound is open. Both ends are included; '
      + 'an engagement without a startDate is open towards the past, one without an endDate towards the future.',
  })
  since?: string | null;
  @Field(() => DateScalar, { nullable: true }) until?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Add the customers of the matching engagements, with ORCHESTRATES_FOR and CONTRIBUTES_TO edges from partner nodes.' })
  includeCustomers?: boolean | null;
  @Field(() => [Int], {
    nullable: true,
    description: 'Only partners in these communities (ids of the same graph version\'s answer without this field), and their edges among themselves; '
      + 'with includeCustomers, the customers linked to them. Metrics, communities and communityLinks still describe the whole filtered network.',
  })
  communities?: number[] | null;
}

// simpleResolvers: plain properties, no middleware; a large network is 100,000s of fields.
@ObjectType({ simpleResolvers: true })
export class NetworkNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'PARTNER or CUSTOMER.' }) kind!: NetworkNodeKind;
  @Field(() => String, { description: "The partner's or customer's name." }) label!: string;
  @Field(() => PartnerTypeEnum, { nullable: true }) partnerType!: PartnerType | null;
  @Field(() => Int, { description: 'Edges of any kind incident to the node in the filtered network (customer edges included with includeCustomers), counted before `limit` cuts nodes.' })
  degree!: number;
  @Field(() => Float, { description: 'Unweighted, normalised as for an undirected graph (divided by (n-1)(n-2)/2), on the CO_DELIVERS graph; 0 for customers.' })
  betweenness!: number;
  @Field(() => Float, { description: 'Damping 0.85, CO_DELIVERS edges weighted by weight; 0 for customers.' })
  pagerank!: number;
  @Field(() => Int, { description: 'Louvain community on the CO_DELIVERS graph (weighted, seeded: the same data gives the same communities), numbered 0..k-1 in the order of their smallest member id; -1 for customers.' })
  community!: number;
  @Field(() => Boolean, { description: 'A partner whose removal splits its connected component of the CO_DELIVERS graph (an articulation point); false for customers.' })
  articulationPoint!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class NetworkEdge {
  @Field(() => ID, { description: 'A partner.' }) source!: string;
  @Field(() => ID, { description: 'A partner (CO_DELIVERS, the larger id of the two) or a customer.' }) target!: string;
  @Field(() => String, { description: 'CO_DELIVERS (partner-partner, weight = shared engagements), ORCHESTRATES_FOR or CONTRIBUTES_TO (partner-customer, weight = engagements).' })
  kind!: NetworkEdgeKind;
  @Field(() => Float) weight!: number;
  @Field(() => Boolean, { description: 'A CO_DELIVERS edge whose removal splits its connected component of the CO_DELIVERS graph (a bridge); false for customer edges.' })
  bridge!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'One Louvain community of the whole filtered CO_DELIVERS graph.' })
export class NetworkCommunity {
  @Field(() => Int) id!: number;
  @Field(() => Int) size!: number;
  @Field(() => String, {
    description: 'Names the community by what its members share: the region and the capability held (level >= 3) by the most members, '
      + 'and the name of its member with the highest pagerank, e.g. "DE · sap · Brightwater Systems"; ties by code / id; a part no member has is left out.',
  })
  label!: string;
  @Field(() => [NetworkNode], { description: 'Its members with the highest pagerank, at most 5, pagerank descending, then id.' })
  topPartners!: NetworkNode[];
}

@ObjectType({ simpleResolvers: true, description: 'CO_DELIVERS weight summed between the members of two communities; source < target.' })
export class CommunityLink {
  @Field(() => Int) source!: number;
  @Field(() => Int) target!: number;
  @Field(() => Float) weight!: number;
}

@ObjectType({ simpleResolvers: true })
export class Network {
  @Field(() => [NetworkNode], { description: 'Ordered by id (code-unit order; a customer before a partner with the same id).' }) nodes!: NetworkNode[];
  @Field(() => [NetworkEdge], { description: 'Ordered by source, target, kind (code-unit order).' }) edges!: NetworkEdge[];
  @Field(() => Boolean, { description: 'True when `limit` cut nodes (the highest-degree nodes are kept).' }) truncated!: boolean;
  @Field(() => Int, { description: 'Partner nodes of the whole filtered network, before `limit` (with filter.communities, the partners of those communities).' })
  partnerCount!: number;
  @Field(() => DateTimeScalar, { description: 'The graph state these metrics describe was read at this instant.' })
  computedAt!: string;
  @Field(() => Boolean, { description: 'True when the graph has changed since computedAt: these are the last metrics computed, and a recomputation is under way.' })
  stale!: boolean;
  @Field(() => Int, { nullable: true, description: 'Null when betweenness is exact (at most 2,000 partner nodes); otherwise the number of sampled source partners.' })
  betweennessSample!: number | null;
  @Field(() => [NetworkCommunity], { description: 'Every community of the whole filtered network, by id.' })
  communities!: NetworkCommunity[];
  @Field(() => [CommunityLink], { description: 'Links between communities, by source then target.' })
  communityLinks!: CommunityLink[];
}
