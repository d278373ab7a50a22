/**
 * The contract's enums, registered for type-graphql from their one home,
 * graph/model/vocabulary.ts, so the two can never drift apart.
 */
import { registerEnumType } from 'type-graphql';
import {
  ACCESS_ROLES, ATTRIBUTION_MODELS, COMMITMENT_STATUSES, CONTRIBUTION_KINDS, COVERAGE_STATUSES, DEAL_CONFLICT_KINDS,
  DEAL_REGISTRATION_STATUSES, ENGAGEMENT_ROLES,
  ENGAGEMENT_STATUSES, OUTCOME_STATUSES, PARTNER_STATUSES, PARTNER_TYPES, RISK_REASONS,
} from '../../graph/model/index.ts';

type EnumObject<T extends string> = { [K in T]: K };

function enumOf<T extends string>(values: readonly T[], name: string, description?: string): EnumObject<T> {
  const object = Object.fromEntries(values.map((v) => [v, v])) as EnumObject<T>;
  registerEnumType(object, { name, description });
  return object;
}

export const PartnerTypeEnum = enumOf(PARTNER_TYPES, 'PartnerType');
export const PartnerStatusEnum = enumOf(PARTNER_STATUSES, 'PartnerStatus');
export const EngagementRoleEnum = enumOf(ENGAGEMENT_ROLES, 'EngagementRole',
  "A partner's role in one engagement. The same partner may hold different roles in different engagements, and different roles over time in one engagement.");
export const EngagementStatusEnum = enumOf(ENGAGEMENT_STATUSES, 'EngagementStatus');
export const OutcomeStatusEnum = enumOf(OUTCOME_STATUSES, 'OutcomeStatus');
export const CommitmentStatusEnum = enumOf(COMMITMENT_STATUSES, 'CommitmentStatus', 'LATE and FAILED are the defective statuses.');
export const ContributionKindEnum = enumOf(CONTRIBUTION_KINDS, 'ContributionKind');
export const AccessRoleEnum = enumOf(ACCESS_ROLES, 'AccessRole');
export const CoverageStatusEnum = enumOf(COVERAGE_STATUSES, 'CoverageStatus');
export const AttributionModelEnum = enumOf(ATTRIBUTION_MODELS, 'AttributionModel');
export const RiskReasonEnum = enumOf(RISK_REASONS, 'RiskReason', 'Why an outcome is at risk (contract/README.md, At-risk outcomes), in this order.');
export const DealRegistrationStatusEnum = enumOf(DEAL_REGISTRATION_STATUSES, 'DealRegistrationStatus');
export const DealConflictKindEnum = enumOf(DEAL_CONFLICT_KINDS, 'DealConflictKind', 'The kinds of `dealConflicts` (contract/README.md, Deal registration), in this order.');
