/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccessRole =
  | 'ADMIN'
  | 'ANALYST'
  | 'PARTNER';

export type CapabilityHoldingInput = {
  capability: string | number;
  certified?: boolean | null | undefined;
  level: number;
};

/** LATE and FAILED are the defective statuses. */
export type CommitmentStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'LATE'
  | 'PENDING';

export type ContributionKind =
  | 'CO_SELL'
  | 'DELIVERY'
  | 'INFLUENCED'
  | 'MANAGED_SERVICE'
  | 'MARKETPLACE'
  | 'REFERRAL'
  | 'SOURCED'
  | 'TECHNOLOGY';

export type CoverageInput = {
  /** Split cells by customer industry as well. */
  byIndustry?: boolean | null | undefined;
  /** Restrict to these capability ids; default: all. */
  capabilities?: Array<string | number> | null | undefined;
  includeCovered?: boolean | null | undefined;
  /** A partner supplies a capability at this level or higher. */
  minLevel?: number | null | undefined;
  /** Restrict to these region codes; default: all. */
  regions?: Array<string | number> | null | undefined;
  /** A cell is THIN when demand / supply exceeds this. */
  thinRatio?: number | null | undefined;
};

export type CoverageStatus =
  | 'COVERED'
  | 'SINGLE_POINT'
  | 'THIN'
  | 'UNCOVERED';

/** The kinds of `dealConflicts` (contract/README.md, Deal registration), in this order. */
export type DealConflictKind =
  | 'OVERLAPPING_REGISTRATIONS'
  | 'SOURCED_AGAINST_REGISTRATION';

export type DealRegistrationFilter = {
  customerId?: string | number | null | undefined;
  /** Only registrations in force today. */
  inForce?: boolean | null | undefined;
  partnerId?: string | number | null | undefined;
  status?: DealRegistrationStatus | null | undefined;
};

export type DealRegistrationStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

/** A partner's role in one engagement. The same partner may hold different roles in different engagements, and different roles over time in one engagement. */
export type EngagementRole =
  | 'CONTRIBUTOR'
  | 'ORCHESTRATOR';

export type EngagementStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'PLANNED';

/** A hypothetical engagement handover: from `from` on, `partnerId` orchestrates `engagementId`. */
export type HandoverInput = {
  engagementId: string | number;
  from: string;
  partnerId: string | number;
};

export type NetworkFilter = {
  /** Only partners in these communities (ids of the same graph version's answer without this field), and their edges among themselves; with includeCustomers, the customers linked to them. Metrics, communities and communityLinks still describe the whole filtered network. */
  communities?: Array<number> | null | undefined;
  /** Add the customers of the matching engagements, with ORCHESTRATES_FOR and CONTRIBUTES_TO edges from partner nodes. */
  includeCustomers?: boolean | null | undefined;
  /** Partners serving one of these industries, and engagements whose customer is in one of them (an empty list matches nothing). */
  industries?: Array<string | number> | null | undefined;
  partnerTypes?: Array<PartnerType> | null | undefined;
  /** Partners operating in one of these regions, and engagements whose customer is in one of them (an empty list matches nothing). */
  regions?: Array<string | number> | null | undefined;
  /** Engagements whose [startDate, endDate] overlaps [since, until]; a missing bound is open. Both ends are included; an engagement without a startDate is open towards the past, one without an endDate towards the future. */
  since?: string | null | undefined;
  until?: string | null | undefined;
};

export type OutcomeFilter = {
  industries?: Array<string | number> | null | undefined;
  /** Outcomes for which this partner was accountable or owns a root cause. */
  partnerId?: string | number | null | undefined;
  regions?: Array<string | number> | null | undefined;
  /** Outcomes whose dueDate is on or after this. */
  since?: string | null | undefined;
  /** Outcomes whose dueDate is before this. */
  until?: string | null | undefined;
};

export type OutcomeStatus =
  | 'MET'
  | 'MISSED'
  | 'PARTIALLY_MET'
  | 'PENDING';

export type PartnerInput = {
  capabilities?: Array<CapabilityHoldingInput> | null | undefined;
  id: string | number;
  industries?: Array<string | number> | null | undefined;
  name: string;
  regions?: Array<string | number> | null | undefined;
  status?: PartnerStatus | null | undefined;
  tier?: string | null | undefined;
  type: PartnerType;
};

export type PartnerStatus =
  | 'ACTIVE'
  | 'INACTIVE';

export type PartnerType =
  | 'AI_NATIVE'
  | 'BOUTIQUE_CONSULTANCY'
  | 'CLOUD_MARKETPLACE'
  | 'INFLUENCER'
  | 'ISV'
  | 'MSP'
  | 'REFERRAL'
  | 'RESELLER'
  | 'STRATEGIC_ALLIANCE'
  | 'SYSTEM_INTEGRATOR'
  | 'TELCO_INFRASTRUCTURE';

/** Why an outcome is at risk (contract/README.md, At-risk outcomes), in this order. */
export type RiskReason =
  | 'DEFECTIVE_DEPENDENCY'
  | 'OVERDUE_DEPENDENCY';

export type ScenarioInput = {
  /** Partners that leave: from today they hold no role and supply nothing. */
  exits?: Array<string | number> | null | undefined;
  handovers?: Array<HandoverInput> | null | undefined;
  /** Partners that join (ids not yet stored), with their regions, industries and capabilities. */
  joins?: Array<PartnerInput> | null | undefined;
};

export type MissedOutcomesQueryVariables = Exact<{
  filter?: OutcomeFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type MissedOutcomesQuery = { missedOutcomes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, description: string, status: OutcomeStatus, dueDate: string, engagement: { id: string, name: string, customer: { name: string, region: { code: string } } } } }> } };

export type AccountabilityQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountabilityQuery = { accountability: { outcome: { id: string, description: string, status: OutcomeStatus, dueDate: string, engagement: { id: string, name: string, status: EngagementStatus, customer: { name: string }, roleHistory: Array<{ role: EngagementRole, from: string, to: string | null, partner: { id: string, name: string } }> } }, accountable: { id: string, name: string } | null, rootCauses: Array<{ commitment: { id: string, description: string, status: CommitmentStatus, dueDate: string | null, owner: { id: string, name: string }, engagement: { id: string, name: string } }, path: Array<{ id: string }> }>, propagated: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, owner: { id: string, name: string }, engagement: { id: string, name: string } }>, responsible: Array<{ share: number, rootCauses: number, role: EngagementRole | null, partner: { id: string, name: string } }> }, outcome: { id: string, dependsOn: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, dependsOn: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, dependsOn: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, dependsOn: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, dependsOn: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, dependsOn: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, owner: { id: string, name: string }, engagement: { id: string, name: string } }>, owner: { id: string, name: string }, engagement: { id: string, name: string } }>, owner: { id: string, name: string }, engagement: { id: string, name: string } }>, owner: { id: string, name: string }, engagement: { id: string, name: string } }>, owner: { id: string, name: string }, engagement: { id: string, name: string } }>, owner: { id: string, name: string }, engagement: { id: string, name: string } }> } | null };

export type CommitmentFieldsFragment = { id: string, description: string, status: CommitmentStatus, dueDate: string | null, owner: { id: string, name: string }, engagement: { id: string, name: string } };

export type AtRiskOutcomesQueryVariables = Exact<{
  asOf?: string | null | undefined;
  filter?: OutcomeFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AtRiskOutcomesQuery = { atRiskOutcomes: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { daysToDue: number, reasons: Array<RiskReason>, outcome: { id: string, description: string, status: OutcomeStatus, dueDate: string, engagement: { id: string, name: string, customer: { name: string, region: { code: string } } } }, orchestratorNow: { id: string, name: string } | null, orchestratorOnDueDate: { id: string, name: string } | null, defective: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, owner: { id: string, name: string }, engagement: { id: string, name: string } }>, overdue: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, owner: { id: string, name: string }, engagement: { id: string, name: string } }> } }> } };

export type AtRiskCountQueryVariables = Exact<{
  asOf?: string | null | undefined;
  filter?: OutcomeFilter | null | undefined;
}>;


export type AtRiskCountQuery = { atRiskOutcomes: { totalCount: number } };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { coverageGaps: Array<{ region: { code: string, name: string } }> };

export type LiveEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LiveEventsSubscription = { events: { id: string, type: string, timestamp: unknown, data: string } };

export type AttributionQueryVariables = Exact<{
  id: string | number;
  halfLife?: number | null | undefined;
}>;


export type AttributionQuery = { engagement: { id: string, name: string, status: EngagementStatus, value: number | null, currency: string | null, startDate: string | null, customer: { name: string }, contributions: Array<{ id: string, kind: ContributionKind, date: string, amount: number | null, partner: { id: string, name: string } }> } | null, firstTouch: Array<{ share: number, amount: number | null, partner: { id: string, name: string } }>, lastTouch: Array<{ share: number, amount: number | null, partner: { id: string, name: string } }>, linear: Array<{ share: number, amount: number | null, partner: { id: string, name: string } }>, positionBased: Array<{ share: number, amount: number | null, partner: { id: string, name: string } }>, timeDecay: Array<{ share: number, amount: number | null, partner: { id: string, name: string } }> };

export type AttributionShareFieldsFragment = { share: number, amount: number | null, partner: { id: string, name: string } };

export type EngagementListQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type EngagementListQuery = { engagements: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string } }> } };

export type DealRegistrationsQueryVariables = Exact<{
  filter?: DealRegistrationFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type DealRegistrationsQuery = { dealRegistrations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, registeredOn: string, expiresOn: string, status: DealRegistrationStatus, reason: string | null, inForce: boolean, partner: { id: string, name: string }, customer: { id: string, name: string }, capability: { id: string, name: string } } }> } };

export type DealRegistrationFieldsFragment = { id: string, registeredOn: string, expiresOn: string, status: DealRegistrationStatus, reason: string | null, inForce: boolean, partner: { id: string, name: string }, customer: { id: string, name: string }, capability: { id: string, name: string } };

export type DealConflictsQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type DealConflictsQuery = { dealConflicts: Array<{ kind: DealConflictKind, customer: { id: string, name: string }, capability: { id: string, name: string }, registrations: Array<{ id: string, registeredOn: string, expiresOn: string, status: DealRegistrationStatus, reason: string | null, inForce: boolean, partner: { id: string, name: string }, customer: { id: string, name: string }, capability: { id: string, name: string } }>, contribution: { id: string, kind: ContributionKind, date: string, partner: { id: string, name: string } } | null, engagement: { id: string, name: string } | null }> };

export type DecideDealRegistrationMutationVariables = Exact<{
  id: string | number;
  status: DealRegistrationStatus;
  reason: string;
}>;


export type DecideDealRegistrationMutation = { decideDealRegistration: { id: string, registeredOn: string, expiresOn: string, status: DealRegistrationStatus, reason: string | null, inForce: boolean, partner: { id: string, name: string }, customer: { id: string, name: string }, capability: { id: string, name: string } } };

export type CustomerEngagementsQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerEngagementsQuery = { customer: { id: string, name: string, engagements: { totalCount: number, edges: Array<{ node: { id: string, name: string, status: EngagementStatus, startDate: string | null, endDate: string | null } }> } } | null };

export type CoverageQueryVariables = Exact<{
  input?: CoverageInput | null | undefined;
}>;


export type CoverageQuery = { coverageGaps: Array<{ demand: number, supply: number, status: CoverageStatus, partners: Array<{ id: string, name: string, type: PartnerType }>, region: { code: string, name: string }, industry: { code: string, name: string } | null, capability: { id: string, name: string } }> };

export type CoverageCellFieldsFragment = { demand: number, supply: number, status: CoverageStatus, region: { code: string, name: string }, industry: { code: string, name: string } | null, capability: { id: string, name: string } };

export type ScenarioQueryVariables = Exact<{
  input: ScenarioInput;
  coverage?: CoverageInput | null | undefined;
}>;


export type ScenarioQuery = { scenario: { coverage: Array<{ before: { demand: number, supply: number, status: CoverageStatus, partners: Array<{ id: string, name: string, type: PartnerType }>, region: { code: string, name: string }, industry: { code: string, name: string } | null, capability: { id: string, name: string } } | null, after: { demand: number, supply: number, status: CoverageStatus, partners: Array<{ id: string, name: string, type: PartnerType }>, region: { code: string, name: string }, industry: { code: string, name: string } | null, capability: { id: string, name: string } } | null }>, orphanedEngagements: Array<{ id: string, name: string, status: EngagementStatus, customer: { name: string }, orchestrator: { id: string, name: string } | null }>, adoptedEngagements: Array<{ id: string, name: string, status: EngagementStatus, customer: { name: string }, orchestrator: { id: string, name: string } | null }>, healthBefore: { partners: number, activePartners: number, engagements: number, outcomeSuccessRate: number | null, valueGini: number, topDecileValueShare: number, longTail: number }, healthAfter: { partners: number, activePartners: number, engagements: number, outcomeSuccessRate: number | null, valueGini: number, topDecileValueShare: number, longTail: number } } };

export type ScenarioEngagementFragment = { id: string, name: string, status: EngagementStatus, customer: { name: string }, orchestrator: { id: string, name: string } | null };

export type HealthFiguresFragment = { partners: number, activePartners: number, engagements: number, outcomeSuccessRate: number | null, valueGini: number, topDecileValueShare: number, longTail: number };

export type ExitCommitmentsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ExitCommitmentsQuery = { exitImpact: { atRiskCommitments: Array<{ id: string, description: string, status: CommitmentStatus, dueDate: string | null, owner: { id: string, name: string }, engagement: { id: string, name: string } }> } };

export type NetworkOverviewQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
}>;


export type NetworkOverviewQuery = { network: { partnerCount: number, stale: boolean, computedAt: unknown, betweennessSample: number | null, communities: Array<{ id: number, size: number, label: string, topPartners: Array<{ id: string, label: string }> }>, communityLinks: Array<{ source: number, target: number, weight: number }> } };

export type CommunityNetworkQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
  limit?: number | null | undefined;
}>;


export type CommunityNetworkQuery = { network: { truncated: boolean, partnerCount: number, stale: boolean, computedAt: unknown, nodes: Array<{ id: string, kind: string, label: string, partnerType: PartnerType | null, degree: number, betweenness: number, pagerank: number, community: number, articulationPoint: boolean }>, edges: Array<{ source: string, target: string, kind: string, weight: number, bridge: boolean }> } };

export type PartnerIndexQueryVariables = Exact<{
  filter?: NetworkFilter | null | undefined;
}>;


export type PartnerIndexQuery = { network: { nodes: Array<{ id: string, label: string, community: number }> } };

export type MapEngagementsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MapEngagementsQuery = { engagements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, value: number | null, startDate: string | null, endDate: string | null, customer: { region: { code: string }, industry: { code: string } }, contributions: Array<{ partner: { id: string } }> } }> } };

export type CatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogQuery = { coverageGaps: Array<{ region: { code: string, name: string }, industry: { code: string, name: string } | null }> };

export type HealthQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthQuery = { ecosystemHealth: { partners: number, activePartners: number, engagements: number, outcomeSuccessRate: number | null, valueGini: number, topDecileValueShare: number, longTail: number } };

export type PartnerCardQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerCardQuery = { partner: { id: string, name: string, type: PartnerType, status: PartnerStatus, tier: string | null, regions: Array<{ code: string, name: string }>, industries: Array<{ code: string, name: string }>, capabilities: Array<{ level: number, certified: boolean, capability: { id: string, name: string } }>, participations: { totalCount: number, edges: Array<{ node: { role: EngagementRole, from: string, to: string | null, engagement: { id: string, name: string, status: EngagementStatus } } }> } } | null };

export type TrackRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type TrackRecordQuery = { partner: { trackRecord: { rootCauses: number, accountableMisses: number, asOrchestrator: { engagements: number, outcomesMet: number, outcomesMissed: number, commitmentsDelivered: number, commitmentsDefective: number }, asContributor: { engagements: number, outcomesMet: number, outcomesMissed: number, commitmentsDelivered: number, commitmentsDefective: number } } } | null };

export type PickPartnersQueryVariables = Exact<{
  text?: string | null | undefined;
}>;


export type PickPartnersQuery = { partners: { edges: Array<{ node: { id: string, name: string } }> } };

export type PickedPartnerQueryVariables = Exact<{
  id: string | number;
}>;


export type PickedPartnerQuery = { partner: { id: string, name: string } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: AccessRole, partner: { id: string, name: string } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CommitmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment CommitmentFields on Commitment {
  id
  description
  status
  dueDate
  owner {
    id
    name
  }
  engagement {
    id
    name
  }
}
    `, {"fragmentName":"CommitmentFields"}) as unknown as TypedDocumentString<CommitmentFieldsFragment, unknown>;
export const AttributionShareFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttributionShareFields on AttributionShare {
  partner {
    id
    name
  }
  share
  amount
}
    `, {"fragmentName":"AttributionShareFields"}) as unknown as TypedDocumentString<AttributionShareFieldsFragment, unknown>;
export const DealRegistrationFieldsFragmentDoc = new TypedDocumentString(`
    fragment DealRegistrationFields on DealRegistration {
  id
  registeredOn
  expiresOn
  status
  reason
  inForce
  partner {
    id
    name
  }
  customer {
    id
    name
  }
  capability {
    id
    name
  }
}
    `, {"fragmentName":"DealRegistrationFields"}) as unknown as TypedDocumentString<DealRegistrationFieldsFragment, unknown>;
export const CoverageCellFieldsFragmentDoc = new TypedDocumentString(`
    fragment CoverageCellFields on CoverageCell {
  region {
    code
    name
  }
  industry {
    code
    name
  }
  capability {
    id
    name
  }
  demand
  supply
  status
}
    `, {"fragmentName":"CoverageCellFields"}) as unknown as TypedDocumentString<CoverageCellFieldsFragment, unknown>;
export const ScenarioEngagementFragmentDoc = new TypedDocumentString(`
    fragment ScenarioEngagement on Engagement {
  id
  name
  status
  customer {
    name
  }
  orchestrator {
    id
    name
  }
}
    `, {"fragmentName":"ScenarioEngagement"}) as unknown as TypedDocumentString<ScenarioEngagementFragment, unknown>;
export const HealthFiguresFragmentDoc = new TypedDocumentString(`
    fragment HealthFigures on EcosystemHealth {
  partners
  activePartners
  engagements
  outcomeSuccessRate
  valueGini
  topDecileValueShare
  longTail
}
    `, {"fragmentName":"HealthFigures"}) as unknown as TypedDocumentString<HealthFiguresFragment, unknown>;
export const MissedOutcomesDocument = new TypedDocumentString(`
    query MissedOutcomes($filter: OutcomeFilter, $after: String) {
  missedOutcomes(filter: $filter, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        description
        status
        dueDate
        engagement {
          id
          name
          customer {
            name
            region {
              code
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MissedOutcomesQuery, MissedOutcomesQueryVariables>;
export const AccountabilityDocument = new TypedDocumentString(`
    query Accountability($id: ID!) {
  accountability(outcomeId: $id) {
    outcome {
      id
      description
      status
      dueDate
      engagement {
        id
        name
        status
        customer {
          name
        }
        roleHistory {
          partner {
            id
            name
          }
          role
          from
          to
        }
      }
    }
    accountable {
      id
      name
    }
    rootCauses {
      commitment {
        ...CommitmentFields
      }
      path {
        id
      }
    }
    propagated {
      ...CommitmentFields
    }
    responsible {
      partner {
        id
        name
      }
      share
      rootCauses
      role
    }
  }
  outcome(id: $id) {
    id
    dependsOn {
      ...CommitmentFields
      dependsOn {
        ...CommitmentFields
        dependsOn {
          ...CommitmentFields
          dependsOn {
            ...CommitmentFields
            dependsOn {
              ...CommitmentFields
              dependsOn {
                ...CommitmentFields
              }
            }
          }
        }
      }
    }
  }
}
    fragment CommitmentFields on Commitment {
  id
  description
  status
  dueDate
  owner {
    id
    name
  }
  engagement {
    id
    name
  }
}`) as unknown as TypedDocumentString<AccountabilityQuery, AccountabilityQueryVariables>;
export const AtRiskOutcomesDocument = new TypedDocumentString(`
    query AtRiskOutcomes($asOf: Date, $filter: OutcomeFilter, $after: String) {
  atRiskOutcomes(asOf: $asOf, filter: $filter, first: 50, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        outcome {
          id
          description
          status
          dueDate
          engagement {
            id
            name
            customer {
              name
              region {
                code
              }
            }
          }
        }
        daysToDue
        reasons
        orchestratorNow {
          id
          name
        }
        orchestratorOnDueDate {
          id
          name
        }
        defective {
          ...CommitmentFields
        }
        overdue {
          ...CommitmentFields
        }
      }
    }
  }
}
    fragment CommitmentFields on Commitment {
  id
  description
  status
  dueDate
  owner {
    id
    name
  }
  engagement {
    id
    name
  }
}`) as unknown as TypedDocumentString<AtRiskOutcomesQuery, AtRiskOutcomesQueryVariables>;
export const AtRiskCountDocument = new TypedDocumentString(`
    query AtRiskCount($asOf: Date, $filter: OutcomeFilter) {
  atRiskOutcomes(asOf: $asOf, filter: $filter, first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AtRiskCountQuery, AtRiskCountQueryVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions {
  coverageGaps {
    region {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
export const LiveEventsDocument = new TypedDocumentString(`
    subscription LiveEvents {
  events {
    id
    type
    timestamp
    data
  }
}
    `) as unknown as TypedDocumentString<LiveEventsSubscription, LiveEventsSubscriptionVariables>;
export const AttributionDocument = new TypedDocumentString(`
    query Attribution($id: ID!, $halfLife: Float) {
  engagement(id: $id) {
    id
    name
    status
    value
    currency
    startDate
    customer {
      name
    }
    contributions {
      id
      kind
      date
      amount
      partner {
        id
        name
      }
    }
  }
  firstTouch: attribution(engagementId: $id, model: FIRST_TOUCH) {
    ...AttributionShareFields
  }
  lastTouch: attribution(engagementId: $id, model: LAST_TOUCH) {
    ...AttributionShareFields
  }
  linear: attribution(engagementId: $id, model: LINEAR) {
    ...AttributionShareFields
  }
  positionBased: attribution(engagementId: $id, model: POSITION_BASED) {
    ...AttributionShareFields
  }
  timeDecay: attribution(
    engagementId: $id
    model: TIME_DECAY
    halfLifeDays: $halfLife
  ) {
    ...AttributionShareFields
  }
}
    fragment AttributionShareFields on AttributionShare {
  partner {
    id
    name
  }
  share
  amount
}`) as unknown as TypedDocumentString<AttributionQuery, AttributionQueryVariables>;
export const EngagementListDocument = new TypedDocumentString(`
    query EngagementList($after: String) {
  engagements(first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EngagementListQuery, EngagementListQueryVariables>;
export const DealRegistrationsDocument = new TypedDocumentString(`
    query DealRegistrations($filter: DealRegistrationFilter, $after: String) {
  dealRegistrations(filter: $filter, first: 25, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...DealRegistrationFields
      }
    }
  }
}
    fragment DealRegistrationFields on DealRegistration {
  id
  registeredOn
  expiresOn
  status
  reason
  inForce
  partner {
    id
    name
  }
  customer {
    id
    name
  }
  capability {
    id
    name
  }
}`) as unknown as TypedDocumentString<DealRegistrationsQuery, DealRegistrationsQueryVariables>;
export const DealConflictsDocument = new TypedDocumentString(`
    query DealConflicts($asOf: Date) {
  dealConflicts(asOf: $asOf) {
    kind
    customer {
      id
      name
    }
    capability {
      id
      name
    }
    registrations {
      ...DealRegistrationFields
    }
    contribution {
      id
      kind
      date
      partner {
        id
        name
      }
    }
    engagement {
      id
      name
    }
  }
}
    fragment DealRegistrationFields on DealRegistration {
  id
  registeredOn
  expiresOn
  status
  reason
  inForce
  partner {
    id
    name
  }
  customer {
    id
    name
  }
  capability {
    id
    name
  }
}`) as unknown as TypedDocumentString<DealConflictsQuery, DealConflictsQueryVariables>;
export const DecideDealRegistrationDocument = new TypedDocumentString(`
    mutation DecideDealRegistration($id: ID!, $status: DealRegistrationStatus!, $reason: String!) {
  decideDealRegistration(id: $id, status: $status, reason: $reason) {
    ...DealRegistrationFields
  }
}
    fragment DealRegistrationFields on DealRegistration {
  id
  registeredOn
  expiresOn
  status
  reason
  inForce
  partner {
    id
    name
  }
  customer {
    id
    name
  }
  capability {
    id
    name
  }
}`) as unknown as TypedDocumentString<DecideDealRegistrationMutation, DecideDealRegistrationMutationVariables>;
export const CustomerEngagementsDocument = new TypedDocumentString(`
    query CustomerEngagements($id: ID!) {
  customer(id: $id) {
    id
    name
    engagements(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          status
          startDate
          endDate
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerEngagementsQuery, CustomerEngagementsQueryVariables>;
export const CoverageDocument = new TypedDocumentString(`
    query Coverage($input: CoverageInput) {
  coverageGaps(input: $input) {
    ...CoverageCellFields
    partners {
      id
      name
      type
    }
  }
}
    fragment CoverageCellFields on CoverageCell {
  region {
    code
    name
  }
  industry {
    code
    name
  }
  capability {
    id
    name
  }
  demand
  supply
  status
}`) as unknown as TypedDocumentString<CoverageQuery, CoverageQueryVariables>;
export const ScenarioDocument = new TypedDocumentString(`
    query Scenario($input: ScenarioInput!, $coverage: CoverageInput) {
  scenario(input: $input, coverage: $coverage) {
    coverage {
      before {
        ...CoverageCellFields
        partners {
          id
          name
          type
        }
      }
      after {
        ...CoverageCellFields
        partners {
          id
          name
          type
        }
      }
    }
    orphanedEngagements {
      ...ScenarioEngagement
    }
    adoptedEngagements {
      ...ScenarioEngagement
    }
    healthBefore {
      ...HealthFigures
    }
    healthAfter {
      ...HealthFigures
    }
  }
}
    fragment CoverageCellFields on CoverageCell {
  region {
    code
    name
  }
  industry {
    code
    name
  }
  capability {
    id
    name
  }
  demand
  supply
  status
}
fragment ScenarioEngagement on Engagement {
  id
  name
  status
  customer {
    name
  }
  orchestrator {
    id
    name
  }
}
fragment HealthFigures on EcosystemHealth {
  partners
  activePartners
  engagements
  outcomeSuccessRate
  valueGini
  topDecileValueShare
  longTail
}`) as unknown as TypedDocumentString<ScenarioQuery, ScenarioQueryVariables>;
export const ExitCommitmentsDocument = new TypedDocumentString(`
    query ExitCommitments($ids: [ID!]!) {
  exitImpact(partnerIds: $ids) {
    atRiskCommitments {
      id
      description
      status
      dueDate
      owner {
        id
        name
      }
      engagement {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExitCommitmentsQuery, ExitCommitmentsQueryVariables>;
export const NetworkOverviewDocument = new TypedDocumentString(`
    query NetworkOverview($filter: NetworkFilter) {
  network(filter: $filter, limit: 0) {
    partnerCount
    stale
    computedAt
    betweennessSample
    communities {
      id
      size
      label
      topPartners {
        id
        label
      }
    }
    communityLinks {
      source
      target
      weight
    }
  }
}
    `) as unknown as TypedDocumentString<NetworkOverviewQuery, NetworkOverviewQueryVariables>;
export const CommunityNetworkDocument = new TypedDocumentString(`
    query CommunityNetwork($filter: NetworkFilter, $limit: Int) {
  network(filter: $filter, limit: $limit) {
    truncated
    partnerCount
    stale
    computedAt
    nodes {
      id
      kind
      label
      partnerType
      degree
      betweenness
      pagerank
      community
      articulationPoint
    }
    edges {
      source
      target
      kind
      weight
      bridge
    }
  }
}
    `) as unknown as TypedDocumentString<CommunityNetworkQuery, CommunityNetworkQueryVariables>;
export const PartnerIndexDocument = new TypedDocumentString(`
    query PartnerIndex($filter: NetworkFilter) {
  network(filter: $filter, limit: 100000) {
    nodes {
      id
      label
      community
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerIndexQuery, PartnerIndexQueryVariables>;
export const MapEngagementsDocument = new TypedDocumentString(`
    query MapEngagements($after: String) {
  engagements(first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        value
        startDate
        endDate
        customer {
          region {
            code
          }
          industry {
            code
          }
        }
        contributions {
          partner {
            id
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MapEngagementsQuery, MapEngagementsQueryVariables>;
export const CatalogDocument = new TypedDocumentString(`
    query Catalog {
  coverageGaps(input: {byIndustry: true}) {
    region {
      code
      name
    }
    industry {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogQuery, CatalogQueryVariables>;
export const HealthDocument = new TypedDocumentString(`
    query Health {
  ecosystemHealth {
    partners
    activePartners
    engagements
    outcomeSuccessRate
    valueGini
    topDecileValueShare
    longTail
  }
}
    `) as unknown as TypedDocumentString<HealthQuery, HealthQueryVariables>;
export const PartnerCardDocument = new TypedDocumentString(`
    query PartnerCard($id: ID!) {
  partner(id: $id) {
    id
    name
    type
    status
    tier
    regions {
      code
      name
    }
    industries {
      code
      name
    }
    capabilities {
      level
      certified
      capability {
        id
        name
      }
    }
    participations(first: 30) {
      totalCount
      edges {
        node {
          role
          from
          to
          engagement {
            id
            name
            status
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerCardQuery, PartnerCardQueryVariables>;
export const TrackRecordDocument = new TypedDocumentString(`
    query TrackRecord($id: ID!) {
  partner(id: $id) {
    trackRecord {
      rootCauses
      accountableMisses
      asOrchestrator {
        engagements
        outcomesMet
        outcomesMissed
        commitmentsDelivered
        commitmentsDefective
      }
      asContributor {
        engagements
        outcomesMet
        outcomesMissed
        commitmentsDelivered
        commitmentsDefective
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TrackRecordQuery, TrackRecordQueryVariables>;
export const PickPartnersDocument = new TypedDocumentString(`
    query PickPartners($text: String) {
  partners(filter: {nameContains: $text}, first: 20) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PickPartnersQuery, PickPartnersQueryVariables>;
export const PickedPartnerDocument = new TypedDocumentString(`
    query PickedPartner($id: ID!) {
  partner(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<PickedPartnerQuery, PickedPartnerQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    role
    partner {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;