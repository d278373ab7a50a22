/**
 * The domain vocabulary of the contract (../shared/contract), as plain TypeScript.
 * The import file, `importEcosystem` and the seeds all use these shapes; the API's
 * type-graphql enums are registered from the same constants so the words never drift.
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

/** An ISO-8601 calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export interface RegionInput { code: string; name: string }
export interface IndustryInput { code: string; name: string }
export interface CapabilityInput { id: string; name: string }

export interface CapabilityHoldingInput { capability: string; level: number; certified?: boolean }

export interface PartnerInput {
  id: string;
  name: string;
  type: PartnerType;
  status?: PartnerStatus;
  tier?: string | null;
  regions?: string[];
  industries?: string[];
  capabilities?: CapabilityHoldingInput[];
}

export interface CustomerInput { id: string; name: string; region: string; industry: string }

export interface RequirementInput { capability: string; level: number }

export interface ParticipationInput { partner: string; role: EngagementRole; from: IsoDate; to?: IsoDate | null }

export interface ContributionInput {
  id: string;
  partner: string;
  kind: ContributionKind;
  date: IsoDate;
  amount?: number | null;
}

export interface CommitmentInput {
  id: string;
  owner: string;
  description: string;
  status: CommitmentStatus;
  dueDate?: IsoDate | null;
  dependsOn?: string[];
}

export interface OutcomeInput {
  id: string;
  description: string;
  status: OutcomeStatus;
  dueDate: IsoDate;
  dependsOn?: string[];
}

export interface EngagementInput {
  id: string;
  name: string;
  customer: string;
  status: EngagementStatus;
  value?: number | null;
  currency?: string | null;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  requires?: RequirementInput[];
  participants?: ParticipationInput[];
  contributions?: ContributionInput[];
  commitments?: CommitmentInput[];
  outcomes?: OutcomeInput[];
}

/** The import file and `importEcosystem`'s input (contract: Import). */
export interface EcosystemInput {
  regions?: RegionInput[];
  industries?: IndustryInput[];
  capabilities?: CapabilityInput[];
  partners?: PartnerInput[];
  customers?: CustomerInput[];
  engagements?: EngagementInput[];
}
