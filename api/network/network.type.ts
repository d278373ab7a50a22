/** The network view (contract: NetworkFilter, NetworkNode, NetworkEdge, Network). */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { NetworkEdgeKind, NetworkNodeKind, PartnerType } from '../../graph/model/index.ts';
import { DateScalar } from '../graphql/date-scalar.ts';
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
}

@ObjectType({ simpleResolvers: true })
export class NetworkEdge {
  @Field(() => ID, { description: 'A partner.' }) source!: string;
  @Field(() => ID, { description: 'A partner (CO_DELIVERS, the larger id of the two) or a customer.' }) target!: string;
  @Field(() => String, { description: 'CO_DELIVERS (partner-partner, weight = shared engagements), ORCHESTRATES_FOR or CONTRIBUTES_TO (partner-customer, weight = engagements).' })
  kind!: NetworkEdgeKind;
  @Field(() => Float) weight!: number;
}

@ObjectType({ simpleResolvers: true })
export class Network {
  @Field(() => [NetworkNode], { description: 'Ordered by id (code-unit order; a customer before a partner with the same id).' }) nodes!: NetworkNode[];
  @Field(() => [NetworkEdge], { description: 'Ordered by source, target, kind (code-unit order).' }) edges!: NetworkEdge[];
  @Field(() => Boolean, { description: 'True when `limit` cut nodes (the highest-degree nodes are kept).' }) truncated!: boolean;
}
