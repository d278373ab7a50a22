/**
 * The import's shapes (contract: Import, `EcosystemInput`), as plain TypeScript. The
 * import file, `importEcosystem` and the seeds all use them; their enums come from
 * vocabulary.ts.
 */
import type { CommitmentStatus, ContributionKind, DealRegistrationStatus, EngagementRole, EngagementStatus, OutcomeStatus, PartnerStatus, PartnerType } from './vocabulary.ts';

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

/**
 * A deal registration (contract: Deal registration): `partner` protects
 * [registeredOn, expiresOn) for `customer` and `capability`. expiresOn defaults to
 * registeredOn + 90 days; status to PENDING.
 */
export interface DealRegistrationInput {
  id: string;
  partner: string;
  customer: string;
  capability: string;
  registeredOn: IsoDate;
  expiresOn?: IsoDate | null;
  status?: DealRegistrationStatus | null;
  reason?: string | null;
}

/** The import file and `importEcosystem`'s input (contract: Import). */
export interface EcosystemInput {
  regions?: RegionInput[];
  industries?: IndustryInput[];
  capabilities?: CapabilityInput[];
  partners?: PartnerInput[];
  customers?: CustomerInput[];
  engagements?: EngagementInput[];
  dealRegistrations?: DealRegistrationInput[];
}

/**
 * Longest id, code or name, in UTF-16 code units. Ids and partner names are indexed, and
 * Neo4j refuses to index a value of more than about 8 KB (a failed write, not a client
 * error); 1,000 units are at most 3,000 bytes of UTF-8, 6,000 once a name is lower-cased.
 */
export const MAX_KEY_LENGTH = 1_000;
