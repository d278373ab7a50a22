/**
 * The contract's words, their one home: the enums (vocabulary.ts), the import's shapes
 * (ecosystem.ts), the error family with its codes, pages and cursors, dates and scope.
 * Plain TypeScript: nothing here knows Neo4j.
 *
 * The area's only door: nothing outside graph/model/ imports its other files.
 */
export { clip, clipList, QUOTE_CHARS } from './clip.ts';
export { isRealDate } from './dates.ts';
export { MAX_KEY_LENGTH } from './ecosystem.ts';
export type { CapabilityHoldingInput, CapabilityInput, CommitmentInput, ContributionInput, CustomerInput, DealRegistrationInput, EcosystemInput, EngagementInput, IndustryInput, IsoDate, OutcomeInput, ParticipationInput, PartnerInput, RegionInput, RequirementInput } from './ecosystem.ts';
export { AppError, ERROR_CODES, badInput } from './errors.ts';
export type { ErrorCode, Problem } from './errors.ts';
export { decodeCursor, toPage } from './page.ts';
export type { Page, PageArgs, PageRow } from './page.ts';
export type { Scope } from './scope.ts';
export { ACCESS_ROLES, ATTRIBUTION_MODELS, COMMITMENT_STATUSES, CONTRIBUTION_KINDS, COVERAGE_STATUSES, DEAL_CONFLICT_KINDS, DEAL_REGISTRATION_STATUSES, DEFECTIVE_STATUSES, ENGAGEMENT_ROLES, ENGAGEMENT_STATUSES, IN_FORCE_STATUSES, OUTCOME_STATUSES, PARTNER_STATUSES, PARTNER_TYPES, RISK_REASONS } from './vocabulary.ts';
export type { AccessRole, AttributionModel, CommitmentStatus, ContributionKind, CoverageStatus, DealConflictKind, DealRegistrationStatus, EngagementRole, EngagementStatus, NetworkEdgeKind, NetworkNodeKind, OutcomeStatus, PartnerStatus, PartnerType, RiskReason } from './vocabulary.ts';
