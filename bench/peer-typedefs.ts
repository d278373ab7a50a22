/**
 * Type definitions for the peer of issue 22 (bench/peer-server.ts): Ecomap's graph as the
 * Neo4j GraphQL Library 7 sees it, so @neo4j/graphql answers the same reads over the same
 * database. Labels, relationship types and property names are the ones graph/<area>/*.queries.ts
 * read and write; enums take their values from graph/model/vocabulary.ts, so they never
 * drift. Every node and relationship of the ecosystem the benchmark's three shapes touch
 * is described with all its stored properties; contributions, deal registrations and the
 * product's own bookkeeping (tokens, audit, events, webhooks) are left out.
 *
 * Relationships to one node are nullable (\`customer: Customer\`, not \`Customer!\` as in the
 * contract): version 7 refuses a non-null one ("Non-list relationship property … cannot have
 * non-nullable type"); every such relationship exists in the generated graph.
 * Dates are Neo4j `date` values (the import writes `date(...)`), hence `Date`; `value` is
 * Float as in the contract although the generated data stores whole numbers.
 * Read-only: `extend schema @mutation(operations: [])` generates no mutations, as the
 * server has no authentication.
 */
import {
  COMMITMENT_STATUSES, ENGAGEMENT_ROLES, ENGAGEMENT_STATUSES, OUTCOME_STATUSES, PARTNER_STATUSES, PARTNER_TYPES,
} from '../graph/model/index.ts';

const enumType = (name: string, values: readonly string[]) => `enum ${name} { ${values.join(' ')} }`;

export const PEER_TYPEDEFS = `#graphql
${enumType('PartnerType', PARTNER_TYPES)}
${enumType('PartnerStatus', PARTNER_STATUSES)}
${enumType('EngagementRole', ENGAGEMENT_ROLES)}
${enumType('EngagementStatus', ENGAGEMENT_STATUSES)}
${enumType('OutcomeStatus', OUTCOME_STATUSES)}
${enumType('CommitmentStatus', COMMITMENT_STATUSES)}

"(:Partner)-[:PARTICIPATES_IN]->(:Engagement): the partner held role from (inclusive) to (exclusive; null = still held)."
type Participation @relationshipProperties {
  role: EngagementRole!
  from: Date!
  to: Date
}

"(:Partner)-[:HOLDS]->(:Capability)"
type Holding @relationshipProperties {
  "1 (aware) to 5 (expert)."
  level: Int!
  certified: Boolean!
}

type Partner @node {
  id: ID!
  name: String!
  "The lower-cased name the import stores for the name filter."
  nameLower: String!
  type: PartnerType!
  status: PartnerStatus!
  tier: String
  participations: [Engagement!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
  regions: [Region!]! @relationship(type: "OPERATES_IN", direction: OUT)
  industries: [Industry!]! @relationship(type: "SERVES", direction: OUT)
  capabilities: [Capability!]! @relationship(type: "HOLDS", direction: OUT, properties: "Holding")
  commitments: [Commitment!]! @relationship(type: "OWNED_BY", direction: IN)
}

type Engagement @node {
  id: ID!
  name: String!
  status: EngagementStatus!
  value: Float
  currency: String
  startDate: Date
  endDate: Date
  customer: Customer @relationship(type: "FOR", direction: OUT)
  participants: [Partner!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
  outcomes: [Outcome!]! @relationship(type: "OF", direction: IN)
  commitments: [Commitment!]! @relationship(type: "PART_OF", direction: IN)
}

type Customer @node {
  id: ID!
  name: String!
  region: Region @relationship(type: "LOCATED_IN", direction: OUT)
  industry: Industry @relationship(type: "IN_INDUSTRY", direction: OUT)
  engagements: [Engagement!]! @relationship(type: "FOR", direction: IN)
}

type Region @node {
  code: ID!
  name: String!
}

type Industry @node {
  code: ID!
  name: String!
}

type Capability @node {
  id: ID!
  name: String!
  holders: [Partner!]! @relationship(type: "HOLDS", direction: IN, properties: "Holding")
}

type Outcome @node {
  id: ID!
  description: String!
  status: OutcomeStatus!
  dueDate: Date!
  engagement: Engagement @relationship(type: "OF", direction: OUT)
  dependsOn: [Commitment!]! @relationship(type: "DEPENDS_ON", direction: OUT)
}

type Commitment @node {
  id: ID!
  description: String!
  status: CommitmentStatus!
  dueDate: Date
  owner: Partner @relationship(type: "OWNED_BY", direction: OUT)
  engagement: Engagement @relationship(type: "PART_OF", direction: OUT)
  dependsOn: [Commitment!]! @relationship(type: "DEPENDS_ON", direction: OUT)
}

extend schema @mutation(operations: [])
`;
