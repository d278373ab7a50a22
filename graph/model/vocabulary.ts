/**
 * The contract's enums (api/contract/schema.graphql), their one home. The import's
 * rules, the Cypher row types, the seeds and the API's GraphQL enums
 * (api/graphql/enums.ts) all take their values from here, so the words never drift.
 */

export const PARTNER_TYPES = [
  'SYSTEM_INTEGRATOR', 'ISV', 'MSP', 'RESELLER', 'REFERRAL', 'INFLUENCER',
  'CLOUD_MARKETPLACE', 'TELCO_INFRASTRUCTURE', 'BOUTIQUE_CONSULTANCY',
  'STRATEGIC_ALLIANCE', 'AI_NATIVE',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const ENGAGEMENT_ROLES = ['ORCHESTRATOR', 'CONTRIBUTOR'] as const;
export type EngagementRole = (typeof ENGAGEMENT_ROLES)[number];

export const ENGAGEMENT_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const OUTCOME_STATUSES = ['PENDING', 'MET', 'PARTIALLY_MET', 'MISSED'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const COMMITMENT_STATUSES = ['PENDING', 'IN_PROGRESS', 'DELIVERED', 'LATE', 'FAILED'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
/** LATE and FAILED are the defective statuses (contract: Accountability). */
export const DEFECTIVE_STATUSES: readonly CommitmentStatus[] = ['LATE', 'FAILED'];

export const CONTRIBUTION_KINDS = [
  'SOURCED', 'INFLUENCED', 'CO_SELL', 'DELIVERY', 'TECHNOLOGY', 'MANAGED_SERVICE',
  'MARKETPLACE', 'REFERRAL',
] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const ACCESS_ROLES = ['ADMIN', 'ANALYST', 'PARTNER'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export const ATTRIBUTION_MODELS = ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'POSITION_BASED', 'TIME_DECAY'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** In the order `atRiskOutcomes` lists an outcome's reasons. */
export const RISK_REASONS = ['DEFECTIVE_DEPENDENCY', 'OVERDUE_DEPENDENCY'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** In the order `coverageGaps` lists them (worst first). */
export const COVERAGE_STATUSES = ['UNCOVERED', 'SINGLE_POINT', 'THIN', 'COVERED'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const NETWORK_NODE_KINDS = ['PARTNER', 'CUSTOMER'] as const;
export type NetworkNodeKind = (typeof NETWORK_NODE_KINDS)[number];
export const NETWORK_EDGE_KINDS = ['CO_DELIVERS', 'ORCHESTRATES_FOR', 'CONTRIBUTES_TO'] as const;
export type NetworkEdgeKind = (typeof NETWORK_EDGE_KINDS)[number];

/** A deal registration's status (contract: Deal registration); PENDING and APPROVED ones can be in force. */
export const DEAL_REGISTRATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type DealRegistrationStatus = (typeof DEAL_REGISTRATION_STATUSES)[number];
/** The statuses under which a registration is in force inside its window. */
export const IN_FORCE_STATUSES: readonly DealRegistrationStatus[] = ['PENDING', 'APPROVED'];

/** In the order `dealConflicts` lists them. */
export const DEAL_CONFLICT_KINDS = ['OVERLAPPING_REGISTRATIONS', 'SOURCED_AGAINST_REGISTRATION'] as const;
export type DealConflictKind = (typeof DEAL_CONFLICT_KINDS)[number];
